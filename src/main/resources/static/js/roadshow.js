// 路演: polls what the roadshow shows and reloads the page when it changed. The expert's page reloads when the team
// presenting changes, unless a score is half typed: then it says so and keeps the input. The big screen reloads when
// the team or any expert's progress changes. A dropped connection is said and retried; nothing is lost.
(() => {
  const poll = document.getElementById('roadshow-poll');
  if (!poll) {
    return;
  }
  const form = document.getElementById('roadshow-score');
  let typing = false;
  if (form) {
    form.addEventListener('input', () => { typing = true; });
    form.addEventListener('submit', () => { typing = false; });
  }
  const offline = document.getElementById('roadshow-offline');
  const moved = document.getElementById('roadshow-moved');
  const check = async () => {
    try {
      const answer = await fetch(poll.dataset.nowUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!answer.ok) {
        throw new Error(String(answer.status));
      }
      const now = await answer.json();
      if (offline) {
        offline.hidden = true;
      }
      if (poll.dataset.version !== undefined && now.version !== poll.dataset.version) {
        window.location.reload();
      } else if (poll.dataset.code !== undefined && now.code !== poll.dataset.code) {
        if (typing && moved) {
          moved.hidden = false;
        } else {
          window.location.reload();
        }
      }
    } catch (e) {
      if (offline) {
        offline.hidden = false;
      }
    }
  };
  window.setInterval(check, 3000);
})();
