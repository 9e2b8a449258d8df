// Runs one Godot web engine for the AnimOps render agent and reports back to the local server that served it:
// output lines in order (POST /lines, JSON [[stream, text], ...]), then the Movie Maker file (POST /movie), then
// the end: POST /exit with the exit code, or POST /trap when the wasm trapped or the engine could not start.
(function () {
  'use strict';
  var queue = [];
  var chain = Promise.resolve();
  var ended = false;

  function post(path, body) {
    return fetch(path, { method: 'POST', body: body }).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
      }
    });
  }

  function flush() {
    if (queue.length > 0) {
      var batch = queue;
      queue = [];
      chain = chain.then(function () { return post('/lines', JSON.stringify(batch)); });
    }
    return chain;
  }

  function print(stream, args) {
    var text = Array.prototype.map.call(args, String).join(' ');
    text.split('\n').forEach(function (line) { queue.push([stream, line]); });
  }

  function end(path, body, movie) {
    if (ended) {
      return;
    }
    ended = true;
    flush();
    if (movie) {
      chain = chain.then(function () { return post('/movie', movie); });
    }
    chain = chain.then(function () { return post(path, body); });
  }

  function trap(what) {
    var message = String(what);
    print('E', ['ENGINE TRAP: ' + message]);
    end('/trap', message, null);
  }

  setInterval(flush, 100);
  window.addEventListener('error', function (event) { trap(event.error || event.message); });
  window.addEventListener('unhandledrejection', function (event) { trap(event.reason); });

  fetch('/run.json').then(function (response) { return response.json(); }).then(function (run) {
    var canvas = document.getElementById('canvas');
    canvas.width = run.width;
    canvas.height = run.height;
    var engine = new Engine({
      executable: 'index',
      mainPack: 'main.pck',
      args: run.args,
      canvas: canvas,
      canvasResizePolicy: 0,
      focusCanvas: false,
      onPrint: function () { print('O', arguments); },
      onPrintError: function () { print('E', arguments); },
      onExit: function (code) {
        var movie = null;
        if (run.movie) {
          try {
            movie = globalThis.animopsFS.readFile(run.movie);
          } catch (e) {
            print('E', ['ENGINE MOVIE: ' + run.movie + ' could not be read: ' + e]);
          }
        }
        end('/exit', String(code), movie);
      }
    });
    return engine.startGame();
  }).catch(function (e) { trap('the engine did not start: ' + e); });
}());
