// Runs one Godot web engine for the AnimOps render agent and reports back to the local server that served it:
// output lines in order (POST /lines, JSON [[stream, text], ...], one request per print), then the Movie Maker
// file (POST /movie), then the end: POST /exit with the exit code, POST /trap when the wasm trapped, or POST /fail
// when the engine could not start.
(function () {
  'use strict';
  var chain = Promise.resolve();
  var ended = false;

  function post(path, body) {
    return fetch(path, { method: 'POST', body: body }).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
      }
    });
  }

  // Synchronous on purpose: a line reaches the server before Godot goes on, so the lines printed before a script
  // hangs the page (an endless loop) are not lost.
  function print(stream, args) {
    var text = Array.prototype.map.call(args, String).join(' ');
    var batch = text.split('\n').map(function (line) { return [stream, line]; });
    try {
      var request = new XMLHttpRequest();
      request.open('POST', '/lines', false);
      request.send(JSON.stringify(batch));
    } catch (e) {
      // the server is gone: the run is over for it
    }
  }

  function end(path, body, movie) {
    if (ended) {
      return;
    }
    ended = true;
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
  }).catch(function (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // the game's first frames run inside startGame: a trap there is the game's, not a failed start
      trap(e);
      return;
    }
    var message = 'the engine did not start: ' + e;
    print('E', ['ENGINE FAILURE: ' + message]);
    end('/fail', message, null);
  });
}());
