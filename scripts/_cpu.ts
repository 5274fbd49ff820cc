/**
 * CPU time of processes, read from /proc (Linux): how the bench scripts tell what each process
 * (server nodes, PostgreSQL, the load generator itself) spent on a phase, which on a shared machine
 * says more than the phase's wall-clock rate. Deno reads /proc/PID only with every permission, so
 * `cat` reads it. Elsewhere every reading is NaN.
 *
 * @module
 */

/** Clock ticks per second of /proc's times (USER_HZ, 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** The CPU time of every process at one moment. */
export class CpuSnapshot {
  readonly #micros = new Map<number, number>();
  readonly #parent = new Map<number, number>();

  /** Reads /proc/PID/stat of every process now. */
  static async take(): Promise<CpuSnapshot> {
    const snapshot = new CpuSnapshot();
    try {
      const { stdout } = await new Deno.Command("sh", {
        args: ["-c", "cat /proc/[0-9]*/stat 2>/dev/null"],
        stdout: "piped",
        stderr: "null",
      }).output();
      for (const line of new TextDecoder().decode(stdout).split("\n")) {
        const pid = Number.parseInt(line);
        // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
        const fields = line.slice(line.lastIndexOf(")") + 2).split(" ");
        if (!Number.isInteger(pid) || fields.length < 13) continue;
        // Fields 4 (ppid), 14 (utime) and 15 (stime) are the 2nd, 12th and 13th after the name.
        snapshot.#parent.set(pid, Number(fields[1]));
        snapshot.#micros.set(pid, (Number(fields[11]) + Number(fields[12])) * 1e6 / TICKS_PER_SECOND);
      }
    } catch {
      // No sh or no /proc: every reading is NaN.
    }
    return snapshot;
  }

  /** User plus system CPU time the process had used, in microseconds (NaN if unknown). */
  of(pid: number): number {
    return this.#micros.get(pid) ?? NaN;
  }

  /** Like {@link of}, summed over the process and its children (PostgreSQL's backends). */
  ofTree(pid: number): number {
    let total = this.of(pid);
    for (const [child, parent] of this.#parent) if (parent === pid) total += this.of(child);
    return total;
  }
}
