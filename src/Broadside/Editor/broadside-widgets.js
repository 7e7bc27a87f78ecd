// Broadside's own widgets for the web editor (Decap CMS), loaded by admin/index.html after decap-cms.js.
//
// `demands`: an article's demands, in order, each either a demand of demands.yml, written `- id: …`,
// or the article's own words, written as a plain string (`- "Hire 500 drivers now!"`), the two forms of
// the front matter contract. The field's `options` ([{label, value}]) are the demands of demands.yml.
(function () {
  "use strict";

  var CMS = window.CMS;
  var createClass = window.createClass;
  var h = window.h;
  if (!CMS || !createClass || !h) {
    return;
  }

  var CANONICAL = "id";
  var WORDS = "text";

  // A plain JS value from what Decap holds (Immutable.js) or what the widget gave it (plain arrays).
  function plain(value) {
    if (value && typeof value.toJS === "function") {
      return value.toJS();
    }

    return value;
  }

  // The choices of demands.yml, as [{label, value}].
  function choices(field) {
    var options = plain(field && field.get ? field.get("options") : null);
    return Array.isArray(options) ? options.filter(function (o) { return o && typeof o.value === "string"; }) : [];
  }

  // The rows of a stored value: a string is the article's words, {id} a demand of demands.yml.
  function rowsOf(value) {
    var list = plain(value);
    if (!Array.isArray(list)) {
      return [];
    }

    return list.map(function (item) {
      if (item && typeof item === "object" && typeof item.id === "string") {
        return { kind: CANONICAL, id: item.id, text: "" };
      }

      return { kind: WORDS, id: "", text: item == null ? "" : String(item) };
    });
  }

  // What the file keeps: strings and {id: …} items, in order; a row not filled in yet is left out.
  function valueOf(rows) {
    var value = [];
    rows.forEach(function (row) {
      if (row.kind === CANONICAL) {
        if (row.id) {
          value.push({ id: row.id });
        }
      } else if (row.text.trim()) {
        value.push(row.text);
      }
    });
    return value;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  var DemandsControl = createClass({
    getInitialState: function () {
      var rows = rowsOf(this.props.value);
      this.written = valueOf(rows);
      return { rows: rows };
    },

    // The value changed from outside (an entry loaded, a draft restored): show it.
    componentDidUpdate: function () {
      var value = plain(this.props.value) || [];
      if (!same(value, this.written) && !same(rowsOf(value), this.state.rows)) {
        this.written = valueOf(rowsOf(value));
        this.setState({ rows: rowsOf(value) });
      }
    },

    update: function (rows) {
      this.written = valueOf(rows);
      this.setState({ rows: rows });
      this.props.onChange(this.written);
    },

    change: function (index, changes) {
      var rows = this.state.rows.slice();
      rows[index] = Object.assign({}, rows[index], changes);
      this.update(rows);
    },

    add: function () {
      var rows = this.state.rows.slice();
      rows.push({ kind: choices(this.props.field).length > 0 ? CANONICAL : WORDS, id: "", text: "" });
      this.update(rows);
    },

    remove: function (index) {
      var rows = this.state.rows.slice();
      rows.splice(index, 1);
      this.update(rows);
    },

    move: function (index, by) {
      var rows = this.state.rows.slice();
      var row = rows.splice(index, 1)[0];
      rows.splice(index + by, 0, row);
      this.update(rows);
    },

    row: function (row, index) {
      var self = this;
      var id = this.props.forID + "-" + index;
      var options = choices(this.props.field);
      var name = "Demand " + (index + 1);
      var count = this.state.rows.length;
      var fromIndex = options.length > 0 || row.kind === CANONICAL;
      var parts = [h("legend", { key: "legend", className: "broadside-demand-legend" }, name)];

      // A control of the row's key (kind, id or text) with its label, whose changes set that key.
      function labelled(key, label, tag, props, children) {
        parts.push(h("label", { key: key + "-label", htmlFor: id + "-" + key }, name + label));
        parts.push(h(tag, Object.assign({
          key: key,
          id: id + "-" + key,
          value: row[key],
          onChange: function (e) { var changes = {}; changes[key] = e.target.value; self.change(index, changes); },
        }, props), children));
      }

      if (fromIndex) {
        labelled("kind", " is", "select", {}, [
          h("option", { key: CANONICAL, value: CANONICAL }, "a demand of the demands index"),
          h("option", { key: WORDS, value: WORDS }, "in the article's own words"),
        ]);
      }

      if (row.kind === CANONICAL) {
        var known = options.some(function (o) { return o.value === row.id; });
        var list = [h("option", { key: "", value: "" }, "Choose a demand")];
        options.forEach(function (o) { list.push(h("option", { key: o.value, value: o.value }, o.label || o.value)); });
        if (row.id && !known) {
          list.push(h("option", { key: row.id, value: row.id }, row.id + " (not in demands.yml)"));
        }

        labelled("id", ", from the demands index", "select", {}, list);
      } else {
        labelled("text", ", in the article's own words", "input", { type: "text" });
      }

      parts.push(h("div", { key: "buttons", className: "broadside-demand-buttons" }, [
        h("button", { key: "up", type: "button", disabled: index === 0, "aria-label": "Move demand " + (index + 1) + " up", onClick: function () { self.move(index, -1); } }, "Up"),
        h("button", { key: "down", type: "button", disabled: index === count - 1, "aria-label": "Move demand " + (index + 1) + " down", onClick: function () { self.move(index, 1); } }, "Down"),
        h("button", { key: "remove", type: "button", "aria-label": "Remove demand " + (index + 1), onClick: function () { self.remove(index); } }, "Remove"),
      ]));

      return h("fieldset", { key: index, className: "broadside-demand", style: { display: "grid", gap: "4px", margin: "0 0 12px", padding: "8px 12px", border: "1px solid #dfdfe3", borderRadius: "4px" } }, parts);
    },

    render: function () {
      var self = this;
      var rows = this.state.rows.map(function (row, index) { return self.row(row, index); });
      rows.push(h("button", { key: "add", type: "button", onClick: function () { self.add(); } }, "Add a demand"));
      return h("div", {
        id: this.props.forID,
        role: "group",
        "aria-label": (this.props.field && this.props.field.get ? this.props.field.get("label") : null) || "Demands",
        className: this.props.classNameWrapper,
      }, rows);
    },
  });

  var DemandsPreview = createClass({
    render: function () {
      var options = choices(this.props.field);
      var items = rowsOf(this.props.value).map(function (row, index) {
        if (row.kind === CANONICAL) {
          var known = options.filter(function (o) { return o.value === row.id; })[0];
          return h("li", { key: index }, known ? known.label : row.id);
        }

        return h("li", { key: index }, row.text);
      });
      return h("ul", {}, items);
    },
  });

  CMS.registerWidget("demands", DemandsControl, DemandsPreview);
})();
