/**
 * A seccomp filter for the grading children (bubblewrap's `--seccomp FD`): no new processes
 * (threads are fine: Node needs them), and none of the system calls that are the usual way
 * into kernel bugs from an unprivileged process. Everything else is allowed; the rest of the
 * boundary is the namespaces (server/grader/sandbox.ts). A classic BPF program, built here so
 * nothing needs compiling or installing. x86-64 and arm64 only; elsewhere there is no filter
 * and the pool's process count (server/grader/warm-child.ts) is what stops a fork bomb.
 */

interface Arch {
  /** AUDIT_ARCH_* as the kernel reports it in seccomp_data.arch. */
  audit: number;
  clone: number;
  /** clone3 passes its flags in memory a filter cannot read: refused with ENOSYS, glibc then uses clone. */
  clone3: number;
  /** Refused with EPERM. */
  denied: number[];
  /** x86-64 also accepts x32 system calls, numbered from this bit. */
  x32Bit?: number;
}

// Syscall numbers: fork, vfork (x86-64 only), ptrace, process_vm_readv/writev, unshare, setns,
// add_key, request_key, keyctl, bpf, userfaultfd, perf_event_open, io_uring_setup/enter/register.
const ARCHES: Partial<Record<NodeJS.Architecture, Arch>> = {
  x64: {
    audit: 0xc000003e,
    clone: 56,
    clone3: 435,
    denied: [57, 58, 101, 310, 311, 272, 308, 248, 249, 250, 321, 323, 298, 425, 426, 427],
    x32Bit: 0x40000000,
  },
  arm64: {
    audit: 0xc00000b7,
    clone: 220,
    clone3: 435,
    denied: [117, 270, 271, 97, 268, 217, 218, 219, 280, 282, 241, 425, 426, 427],
  },
};

const LD_ABS_W = 0x20;
const JEQ = 0x15;
const JGE = 0x35;
const JSET = 0x45;
const RET = 0x06;
const ALLOW = 0x7fff0000;
const KILL_PROCESS = 0x80000000;
const errno = (n: number) => 0x00050000 | n;
const EPERM = 1;
const ENOSYS = 38;
const CLONE_THREAD = 0x00010000;
/** Offsets in struct seccomp_data: nr, arch, then args[0] (its low 32 bits, little-endian). */
const NR = 0;
const ARCH = 4;
const ARG0_LOW = 16;

type Op = [code: number, jt: number, jf: number, k: number];

/**
 * The filter as bytes (struct sock_filter[]), or null on an architecture it does not know.
 * @example
 * const filter = seccompFilter(); // a Buffer of 8-byte instructions on x86-64
 */
export function seccompFilter(arch: NodeJS.Architecture = process.arch): Buffer | null {
  const a = ARCHES[arch];
  if (!a) return null;
  const ops: Op[] = [
    [LD_ABS_W, 0, 0, ARCH],
    [JEQ, 1, 0, a.audit],
    [RET, 0, 0, KILL_PROCESS],
    [LD_ABS_W, 0, 0, NR],
  ];
  if (a.x32Bit) ops.push([JGE, 0, 1, a.x32Bit], [RET, 0, 0, KILL_PROCESS]);
  ops.push([JEQ, 0, 1, a.clone3], [RET, 0, 0, errno(ENOSYS)]);
  for (const nr of a.denied) ops.push([JEQ, 0, 1, nr], [RET, 0, 0, errno(EPERM)]);
  ops.push(
    [JEQ, 0, 3, a.clone],
    [LD_ABS_W, 0, 0, ARG0_LOW],
    [JSET, 1, 0, CLONE_THREAD],
    [RET, 0, 0, errno(EPERM)],
    [RET, 0, 0, ALLOW],
  );
  const bytes = Buffer.alloc(ops.length * 8);
  ops.forEach(([code, jt, jf, k], i) => {
    bytes.writeUInt16LE(code, i * 8);
    bytes.writeUInt8(jt, i * 8 + 2);
    bytes.writeUInt8(jf, i * 8 + 3);
    bytes.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return bytes;
}
