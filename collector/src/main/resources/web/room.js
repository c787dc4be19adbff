// DigiClub room view: reads the club's room.json every 2 s and shows it (tiles, calls for help,
// the queue, the latest commands). Every text comes from the server in the page's language and is
// set as textContent: nothing is parsed as HTML. The buttons it adds are plain forms that post to
// the same routes as the forms below the room, with the page's CSRF token.
(function () {
  "use strict";
  var PERIOD_MS = 2000;
  var room = document.getElementById("room");
  if (!room) {
    return;
  }
  var said = room.dataset;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.content : "";
  var lastRoom = null;
  var lastHelp = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function hidden(name, value) {
    var input = el("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }

  // a one-button form: a command to one PC, or the queue's "remove"
  function postButton(action, fields, label, className) {
    var form = el("form", "inline");
    form.method = "post";
    form.action = action;
    form.appendChild(hidden("csrf", csrf));
    Object.keys(fields).forEach(function (name) {
      form.appendChild(hidden(name, fields[name]));
    });
    var button = el("button", className, label);
    button.type = "submit";
    form.appendChild(button);
    return form;
  }

  function command(tile, kind, label, className, extra) {
    var fields = { pc: tile.device, kind: kind };
    Object.keys(extra || {}).forEach(function (name) {
      fields[name] = extra[name];
    });
    var form = postButton(said.commands, fields, label, className);
    form.dataset.kind = kind;
    return form;
  }

  function tileActions(tile) {
    var actions = el("div", "actions");
    if (tile.help && !tile.answering) {
      actions.appendChild(command(tile, "ANSWER_HELP", said.answer, "answer"));
    }
    if (tile.mode === "IN_SESSION" && tile.session) {
      actions.appendChild(command(tile, "EXTEND", said.extend, "secondary", { minutes: "15", session: tile.session }));
      actions.appendChild(command(tile, "END_SESSION", said.end, "secondary", { session: tile.session }));
    } else if (tile.mode === "LOCKED") {
      actions.appendChild(command(tile, "UNLOCK", said.unlock, "secondary"));
    } else if (tile.mode === "MAINTENANCE") {
      actions.appendChild(command(tile, "MAINTENANCE_END", said.maintenanceEnd, "secondary"));
    }
    return actions;
  }

  // the newest recent command of the PC, so that the mentor sees how a click went where it was made
  function lastCommand(tile, commands) {
    for (var i = 0; i < commands.length; i++) {
      if (commands[i].pc === tile.number && commands[i].recent) {
        return commands[i];
      }
    }
    return null;
  }

  function renderTile(tile, commands) {
    var node = el("article", "tile mode-" + tile.mode.toLowerCase());
    node.dataset.pc = tile.number;
    node.dataset.device = tile.device;
    node.dataset.mode = tile.mode;
    if (tile.help) {
      node.classList.add("calling");
    }
    var head = el("div", "tile-head");
    head.appendChild(el("span", "pc", tile.pcName));
    head.appendChild(el("span", "state", tile.state));
    node.appendChild(head);
    if (tile.detail) {
      node.appendChild(el("div", "detail", tile.detail));
    }
    if (tile.help) {
      node.appendChild(el("div", "help", tile.help));
    }
    if (tile.reserved) {
      node.appendChild(el("div", "reserved", tile.reserved));
    }
    if (tile.health === "AMBER" || tile.health === "RED") {
      node.appendChild(el("div", "health light-" + tile.health.toLowerCase(), tile.healthText));
    }
    var last = lastCommand(tile, commands);
    if (last) {
      var line = el("div", "last-command command-" + last.state.toLowerCase());
      line.dataset.state = last.state;
      line.appendChild(el("span", null, last.kindText + ": "));
      line.appendChild(el("strong", "state", last.stateText));
      if (last.answer) {
        line.appendChild(el("span", null, " — " + last.answer));
      }
      node.appendChild(line);
    }
    node.appendChild(tileActions(tile));
    return node;
  }

  function renderHelp(tiles) {
    var box = document.getElementById("help-calls");
    var calling = tiles.filter(function (tile) {
      return tile.help;
    });
    // the box is an alert for screen readers: it is redrawn only when the calls change
    var key = JSON.stringify(calling.map(function (tile) {
      return [tile.device, tile.help];
    }));
    if (key === lastHelp) {
      return;
    }
    lastHelp = key;
    box.replaceChildren();
    calling.forEach(function (tile) {
      var line = el("div", "help-call");
      line.appendChild(el("strong", null, tile.pcName));
      line.appendChild(el("span", null, tile.help));
      if (tile.answering) {
        line.appendChild(el("em", "answering", said.answering));
      } else {
        line.appendChild(command(tile, "ANSWER_HELP", said.answer, "answer"));
      }
      box.appendChild(line);
    });
    box.hidden = calling.length === 0;
  }

  function renderQueue(queue) {
    var box = document.getElementById("queue");
    var form = document.getElementById("queue-form");
    box.replaceChildren();
    form.hidden = !queue.enabled;
    if (!queue.enabled) {
      box.appendChild(el("p", "note", said.queueOff));
      return;
    }
    if (queue.waiting.length === 0) {
      box.appendChild(el("p", "note", said.nobody));
    }
    var list = el("ul", "waiting");
    queue.waiting.forEach(function (number) {
      var item = el("li", null);
      item.appendChild(el("span", "ticket", "№ " + number));
      item.appendChild(postButton(said.queueRemove, { number: String(number) }, said.remove, "secondary small"));
      list.appendChild(item);
    });
    box.appendChild(list);
    queue.held.forEach(function (line) {
      box.appendChild(el("p", "held", line));
    });
  }

  function renderCommands(commands) {
    var body = document.querySelector("#commands tbody");
    body.replaceChildren();
    if (commands.length === 0) {
      var empty = el("tr");
      var cell = el("td", "note", said.noCommands);
      cell.colSpan = 6;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
    commands.forEach(function (c) {
      var row = el("tr", "command-" + c.state.toLowerCase());
      row.dataset.state = c.state;
      [c.at, c.pcName, c.what, c.stateText, c.answer || "—", c.by].forEach(function (text, i) {
        row.appendChild(el("td", i === 3 ? "state" : null, text));
      });
      body.appendChild(row);
    });
  }

  // a call the mentor answered a moment ago, while the PC has not said so yet: no second button
  function markAnswering(tiles, commands) {
    tiles.forEach(function (tile) {
      var last = lastCommand(tile, commands);
      tile.answering = !!(tile.help && last && last.kind === "ANSWER_HELP" &&
        (last.state === "PENDING" || last.state === "SENT"));
    });
  }

  function render(data) {
    markAnswering(data.tiles, data.commands);
    var tiles = document.getElementById("tiles");
    tiles.replaceChildren();
    if (data.tiles.length === 0) {
      tiles.appendChild(el("p", "note", said.noPcs));
    }
    data.tiles.forEach(function (tile) {
      tiles.appendChild(renderTile(tile, data.commands));
    });
    renderHelp(data.tiles);
    renderQueue(data.queue);
    renderCommands(data.commands);
  }

  function status(text, lost) {
    var line = document.getElementById("room-status");
    line.textContent = text;
    line.classList.toggle("lost", lost);
  }

  function refresh() {
    fetch(said.json, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.redirected || (response.ok && type.indexOf("application/json") !== 0)) {
          // signed out (the session ended): the page itself goes to the sign-in form
          window.location.reload();
          return null;
        }
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (text) {
        if (text === null) {
          return;
        }
        var data = JSON.parse(text);
        // the same room twice leaves the page alone: no button is replaced under the pointer
        var room = JSON.stringify([data.tiles, data.queue, data.commands]);
        if (room !== lastRoom) {
          lastRoom = room;
          render(data);
        }
        status(said.updated + " " + data.at, false);
      })
      .catch(function () {
        status(said.lost, true);
      })
      .then(function () {
        window.setTimeout(refresh, PERIOD_MS);
      });
  }

  // what cannot be taken back asks once more: ending a visitor's session, restarting, shutting down
  var action = document.getElementById("action-form");
  if (action) {
    action.addEventListener("submit", function (event) {
      var kind = action.elements.kind;
      var pc = action.elements.pc;
      if (["END_SESSION", "LOCK", "RESTART", "SHUTDOWN"].indexOf(kind.value) < 0) {
        return;
      }
      var question = (pc.value === "all" ? said.confirmAll : said.confirm)
        .replace("{0}", kind.options[kind.selectedIndex].text)
        .replace("{1}", pc.options[pc.selectedIndex].text);
      if (!window.confirm(question)) {
        event.preventDefault();
      }
    });
  }

  refresh();
})();
