// A table wider than the screen scrolls sideways (phones): it takes the keyboard's focus then, so that it can be
// scrolled without a mouse. A table that fits takes none.
(() => {
  const mark = () => {
    document.querySelectorAll('table').forEach((table) => {
      if (table.scrollWidth > table.clientWidth) {
        table.setAttribute('tabindex', '0');
      } else if (table.getAttribute('tabindex') === '0') {
        table.removeAttribute('tabindex');
      }
    });
  };
  mark();
  window.addEventListener('resize', mark);
})();
