/**
 * The Python the worker defines once after loading: `_synapse_run(source)` runs a learner's
 * code as a file named `main.py` in a fresh namespace and prints any error's traceback
 * without the runner's own frame, with the learner's line numbers and source lines.
 */
export const RUNNER_FILE = "main.py";

export const RUNNER_SOURCE = `
import linecache, sys, traceback

def _synapse_run(source):
    linecache.cache[${JSON.stringify(RUNNER_FILE)}] = (len(source), None, source.splitlines(True), ${JSON.stringify(RUNNER_FILE)})
    namespace = {"__name__": "__main__"}
    try:
        exec(compile(source, ${JSON.stringify(RUNNER_FILE)}, "exec"), namespace)
        return True
    except SystemExit as e:
        return e.code in (None, 0)
    except BaseException as e:
        tb = e.__traceback__
        if tb is not None and tb.tb_frame.f_code is _synapse_run.__code__:
            tb = tb.tb_next
        traceback.print_exception(type(e), e, tb)
        return False
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
`;
