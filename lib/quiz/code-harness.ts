/**
 * The Python harness that runs a student's code for a code question: the same source on the
 * server (server/grader, Pyodide in a sandboxed child) and in the browser's Pyodide worker for
 * the self-paced lesson, so it uses nothing but Python's standard library.
 *
 * `run_job(job_json)` takes a `CodeJob` as JSON and returns a `HarnessResult` as JSON
 * (lib/quiz/code-run.ts). It reports what the code did, never whether that was right: the
 * expected values stay outside.
 */
import { STDOUT_LIMIT } from "./code-run";

/** The marker that ends printed output that was cut. */
export const STDOUT_CUT_MARK = "\n… (output cut)";

/** The filename the student's code compiles under, as tracebacks show it. */
export const SOURCE_NAME = "your code";

/**
 * Defines `run_job(job_json: str) -> str`. Run it once in an interpreter, then call `run_job`.
 * @example
 * py.runPython(HARNESS_PY);
 * const result = JSON.parse(py.globals.get("run_job")(JSON.stringify(job))) as HarnessResult;
 */
export const HARNESS_PY = String.raw`
"""Runs a student's code for a code question and reports what it did (lib/quiz/code-harness.ts)."""
import builtins
import json
import math
import reprlib
import sys

_SOURCE = ${JSON.stringify(SOURCE_NAME)}
_STDOUT_LIMIT = ${STDOUT_LIMIT}
_CUT_MARK = ${JSON.stringify(STDOUT_CUT_MARK)}
_MESSAGE_LIMIT = 300
_REPR_LIMIT = 200
_MAX_DEPTH = 20
# What all the values of one job may hold between them, so the result stays a small line.
_MAX_ITEMS = 5000
_MAX_CHARS = 20000
_MAX_INT = 2 ** 53


class _Printed:
    """A stand-in for sys.stdout and sys.stderr that keeps the first characters printed."""

    def __init__(self):
        self.parts = []
        self.size = 0
        self.cut = False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        room = _STDOUT_LIMIT - self.size
        if len(text) > room:
            self.cut = True
            text = text[:max(room, 0)]
        if text:
            self.parts.append(text)
            self.size += len(text)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        """What was printed, at most _STDOUT_LIMIT characters, ending with _CUT_MARK when cut."""
        text = "".join(self.parts)
        if self.cut:
            text = text[:_STDOUT_LIMIT - len(_CUT_MARK)] + _CUT_MARK
        return text


def _cut(text, limit):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _message(exc):
    """str(exc), cut; an exception whose __str__ fails still gets a message."""
    try:
        text = str(exc)
    except BaseException:
        text = "(the error's message could not be shown)"
    return _cut(text, _MESSAGE_LIMIT)


def _line_in_source(tb):
    """The line of the student's code in the innermost traceback frame that is theirs, or None."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _SOURCE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _error(exc):
    """A PyError for an exception raised while running the student's code."""
    return {"type": _cut(str(type(exc).__name__), 100), "message": _message(exc), "line": _line_in_source(exc.__traceback__)}


def _syntax_error(exc):
    """A PyError for code that does not compile: the line is the one the parser names."""
    line = exc.lineno if type(exc.lineno) is int and exc.lineno > 0 else None
    message = exc.msg if type(exc.msg) is str else _message(exc)
    return {"type": type(exc).__name__, "message": _cut(message, _MESSAGE_LIMIT), "line": line}


class _NotJson(Exception):
    pass


def _to_json(value, depth, budget):
    """value as plain JSON, only for the exact built-in types (a subclass is not JSON), else _NotJson."""
    budget[0] -= 1
    if budget[0] < 0 or depth > _MAX_DEPTH:
        raise _NotJson()
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is int:
        if -_MAX_INT <= value <= _MAX_INT:
            return value
        raise _NotJson()
    if kind is float:
        if math.isfinite(value):
            return value
        raise _NotJson()
    if kind is str:
        budget[1] -= len(value)
        if budget[1] < 0:
            raise _NotJson()
        return value
    if kind is list or kind is tuple:
        return [_to_json(item, depth + 1, budget) for item in value]
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _NotJson()
            out[_to_json(key, depth + 1, budget)] = _to_json(item, depth + 1, budget)
        return out
    raise _NotJson()


_reprs = reprlib.Repr()
_reprs.maxlevel = 6
_reprs.maxstring = _REPR_LIMIT
_reprs.maxother = _REPR_LIMIT
_reprs.maxlong = _REPR_LIMIT
for _name in ("maxlist", "maxtuple", "maxdict", "maxset", "maxfrozenset", "maxdeque", "maxarray"):
    setattr(_reprs, _name, 50)


def _repr(value):
    """The value's repr, bounded in work and cut to _REPR_LIMIT characters."""
    try:
        text = _reprs.repr(value)
    except BaseException as exc:
        text = "(repr failed: " + type(exc).__name__ + ")"
    return _cut(str(text), _REPR_LIMIT)


def _outcome(value, budget):
    """A CallOutcome for a value the function returned; a JSON value spends from the job's budget."""
    left = list(budget)
    try:
        plain, is_json = _to_json(value, 0, left), True
        budget[:] = left
    except (_NotJson, RecursionError):
        plain, is_json = None, False
    return {"ok": True, "json": is_json, "value": plain, "repr": _repr(value)}


def _run_assert(text, namespace):
    """An AssertOutcome for one assert statement, run in a shallow copy of the student's namespace."""
    try:
        exec(compile(text, "assert", "exec"), dict(namespace))
        return {"ok": True}
    except AssertionError as exc:
        message = _message(exc) or "assertion failed: " + _cut(text, _MESSAGE_LIMIT - 18)
        return {"ok": False, "error": {"type": "AssertionError", "message": message, "line": _line_in_source(exc.__traceback__)}}
    except BaseException as exc:
        return {"ok": False, "error": _error(exc)}


def _run(job):
    """The HarnessResult for a job, without its stdout."""
    result = {"error": None, "calls": [], "asserts": []}
    try:
        code = compile(job["source"], _SOURCE, "exec")
    except SyntaxError as exc:
        result["error"] = _syntax_error(exc)
        return result
    except BaseException as exc:
        result["error"] = _error(exc)
        return result
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(code, namespace)
    except BaseException as exc:
        result["error"] = _error(exc)
        return result
    entry = job["entry"]
    fn = namespace.get(entry)
    if entry not in namespace:
        result["error"] = {"type": "NameError", "message": "Define a function named " + entry + ".", "line": None}
        return result
    if not callable(fn):
        result["error"] = {"type": "TypeError", "message": entry + " is not a function: define it with def " + entry + "(…):", "line": None}
        return result
    budget = [_MAX_ITEMS, _MAX_CHARS]
    for call in job["calls"]:
        try:
            value = fn(*call["args"])
        except BaseException as exc:
            result["calls"].append({"ok": False, "error": _error(exc)})
            continue
        result["calls"].append(_outcome(value, budget))
    for text in job["asserts"]:
        result["asserts"].append(_run_assert(text, namespace))
    return result


def run_job(job_json):
    """Runs a CodeJob (JSON) and returns its HarnessResult (JSON); sys.stdout and sys.stderr are restored."""
    job = json.loads(job_json)
    printed = _Printed()
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = printed
    try:
        result = _run(job)
    finally:
        sys.stdout, sys.stderr = saved
    result["stdout"] = printed.text()
    return json.dumps(result, allow_nan=False)
`;
