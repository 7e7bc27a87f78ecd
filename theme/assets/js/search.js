/* The search page: starts Pagefind's search box (pagefind-ui.js, loaded just before this file from
   the site's own /pagefind/ folder) in place of the note that search needs JavaScript, and runs the
   search in the address (/search/?q=rent) when there is one. The rest of the site runs no script. */
(function () {
  'use strict';
  var box = document.getElementById('search');
  if (!box) {
    return;
  }

  var note = document.getElementById('search-note');
  if (typeof window.PagefindUI !== 'function') {
    // The index was not built, or did not load: say so, and leave the ways to browse.
    if (note) {
      note.textContent = box.getAttribute('data-unavailable');
    }
    return;
  }

  if (note) {
    note.parentNode.removeChild(note);
  }

  var ui = new window.PagefindUI({
    element: '#search',
    baseUrl: box.getAttribute('data-base-url') || '/',
    bundlePath: box.getAttribute('data-bundle-path') || '/pagefind/',
    showSubResults: true,
    showImages: false
  });

  // Pagefind's box is named only by its title attribute; readers (and screen readers) get a visible label.
  var input = box.querySelector('.pagefind-ui__search-input');
  if (input) {
    input.id = 'search-input';
    var label = document.createElement('label');
    label.htmlFor = input.id;
    label.className = 'search-label';
    label.textContent = box.getAttribute('data-label') || 'Search';
    box.insertBefore(label, box.firstChild);
  }

  // Pagefind counts a search's filters with the filter indexes it has loaded when the search runs, and
  // the box keeps the filters of the first search it shows: a search made while they still load (the
  // one in the address, or words typed at once, on a slow network) would show some filters only. Once
  // the first results are shown (Pagefind has started, with the box's settings), every filter index is
  // loaded and the search made again, unless the reader has picked a filter meanwhile.
  var bundle = box.getAttribute('data-bundle-path') || '/pagefind/';
  var watcher = new MutationObserver(function () {
    if (!box.querySelector('.pagefind-ui__message')) {
      return;
    }

    watcher.disconnect();
    import(bundle + 'pagefind.js')
      .then(function (pagefind) { return pagefind.filters(); })
      .then(function () {
        if (!box.querySelector('.pagefind-ui__filter-checkbox:checked')) {
          ui.triggerFilters({});
        }
      })
      .catch(function () {});
  });
  watcher.observe(box, { childList: true, subtree: true });

  var query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    ui.triggerSearch(query);
  }
}());
