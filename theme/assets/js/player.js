/* Video players: each is a link to the video on its host, shown as a still, so that the page asks that
   host for nothing until the reader chooses to watch. A click (or Enter) puts the host's player in the
   link's place, playing. Without JavaScript the link opens the video's page on its host. The player's
   address was made by the build from the video's id alone; only an https address is followed. */
(function () {
  'use strict';

  function play(link) {
    var address;
    try {
      address = new URL(link.getAttribute('data-player'));
    } catch (e) {
      return false;
    }
    if (address.protocol !== 'https:') {
      return false;
    }
    address.searchParams.set('autoplay', '1');

    var caption = link.querySelector('.player-caption');
    var frame = document.createElement('iframe');
    frame.src = address.href;
    frame.title = link.getAttribute('data-title') || (caption ? caption.textContent.trim() : '');
    frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    frame.loading = 'eager';
    frame.referrerPolicy = link.getAttribute('data-referrer') === 'strict-origin' ? 'strict-origin' : 'no-referrer';

    var box = document.createElement('div');
    box.className = 'player-frame';
    box.appendChild(frame);

    // The link to the video's page stays, under the player, for readers who would rather watch there.
    var below = document.createElement('figcaption');
    below.className = 'player-caption';
    var away = document.createElement('a');
    away.href = link.href;
    away.textContent = caption ? caption.textContent.trim() : link.href;
    below.appendChild(away);

    var figure = link.parentNode;
    figure.replaceChild(box, link);
    figure.appendChild(below);
    frame.focus();
    return true;
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target.closest ? event.target.closest('a.player-link[data-player]') : null;
    if (link && play(link)) {
      event.preventDefault();
    }
  });
})();
