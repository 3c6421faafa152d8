// An element with data-refresh-seconds reloads its page after that many seconds: a job's progress page while it runs.
document.querySelectorAll('[data-refresh-seconds]').forEach((element) => {
  const seconds = Number(element.dataset.refreshSeconds);
  if (seconds > 0) {
    window.setTimeout(() => window.location.reload(), seconds * 1000);
  }
});
