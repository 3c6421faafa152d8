// A form with data-confirm asks before it is sent, naming what it will do; cancelling sends nothing.
document.addEventListener('submit', (event) => {
  const question = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
