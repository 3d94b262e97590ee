/** One JSON line on stderr, then exit non-zero. For failures before the logger exists. */
export function exitWithFatal(message: string, code = 1): never {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: Date.now(), msg: message })}\n`);
  process.exit(code);
}
