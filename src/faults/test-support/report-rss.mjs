// Preloaded into a child process (`node --import`): prints its peak resident memory as it exits.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
