// A logger that records lines instead of printing them, for unit tests.
import { Logger, type LoggingLevel } from "../../src/client/logger.ts";

/** A line as a custom logger received it. */
export interface Line {
  level: LoggingLevel;
  topic: string;
  message: string;
}

/** A silent {@link Logger} at `Verbose` and the lines it received. */
export function recordingLogger(): { logger: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const logger = new Logger({
    loggingLevel: "Verbose",
    disableInternalLogger: true,
    customLoggers: [{
      name: "test",
      onLog: (level, topic, message) => lines.push({ level, topic: topic.name, message }),
    }],
  });
  return { logger, lines };
}
