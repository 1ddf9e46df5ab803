odoo.define('rsa_orientation.ede_grid', function (require) {
"use strict";
/**
 * The employment-distance scale as the paper grid of the guide (seed 003,
 * Annexe 3): one row per item, its six paliers side by side, coloured by
 * their colour. "Le bénéficiaire et son interlocuteur se mettent d'accord
 * sur un échelon correspondant le mieux à la réponse et mettent une croix sur
 * ce palier. [...] Les croix peuvent être reliées entre elles pour obtenir
 * une courbe." Clicking a cell (or Enter / Space on it) puts the cross; the
 * crosses are joined by a line.
 *
 * Widget of the one2many ``line_ids`` of rsa.ede.assessment; its inline tree
 * gives the fields of the lines (item_id, level_id). The levels of the items
 * are read once per set of items.
 */
var AbstractField = require('web.AbstractField');
var core = require('web.core');
var fieldRegistry = require('web.field_registry');

var _t = core._t;

var EdeGrid = AbstractField.extend({
    className: 'o_rsa_ede_grid',
    supportedFieldTypes: ['one2many'],
    useSubview: true,
    events: _.extend({}, AbstractField.prototype.events, {
        'click .o_ede_cell.o_ede_pickable': '_onCellClick',
        'keydown .o_ede_cell.o_ede_pickable': '_onCellKeydown',
    }),

    init: function () {
        this._super.apply(this, arguments);
        this.levelsByItem = {};
        this._onResize = _.debounce(this._drawCurve.bind(this), 100);
    },
    start: function () {
        $(window).on('resize', this._onResize);
        return this._super.apply(this, arguments);
    },
    destroy: function () {
        $(window).off('resize', this._onResize);
        this._super.apply(this, arguments);
    },
    isSet: function () {
        return true;
    },

    //--------------------------------------------------------------------------
    // Private
    //--------------------------------------------------------------------------

    _lines: function () {
        return _.filter(this.value.data, function (line) {
            return line.data.item_id;
        });
    },
    _fetchLevels: function () {
        var self = this;
        var missing = _.filter(_.map(this._lines(), function (line) {
            return line.data.item_id.res_id;
        }), function (id) {
            return !(id in self.levelsByItem);
        });
        if (!missing.length) {
            return $.when();
        }
        return this._rpc({
            model: 'rsa.ede.level',
            method: 'search_read',
            domain: [['item_id', 'in', missing]],
            fields: ['item_id', 'sequence', 'name', 'points', 'color'],
            orderBy: [{name: 'sequence', asc: true}, {name: 'id', asc: true}],
        }).then(function (levels) {
            _.each(missing, function (id) {
                self.levelsByItem[id] = [];
            });
            _.each(levels, function (level) {
                self.levelsByItem[level.item_id[0]].push(level);
            });
        });
    },
    _render: function () {
        var self = this;
        return this._fetchLevels().then(function () {
            self._renderGrid();
        });
    },
    _renderGrid: function () {
        var self = this;
        var editable = this.mode === 'edit';
        var lines = this._lines();
        // One column per palier number (level sequence), as on the paper grid.
        var columns = _.max(_.map(lines, function (line) {
            return _.max(_.pluck(self.levelsByItem[line.data.item_id.res_id] || [], 'sequence')
                .concat([0]));
        }).concat([1]));
        var $table = $('<table class="o_ede_table"/>');
        var $head = $('<tr/>').append($('<th class="o_ede_item_head"/>').text(_t("Item")));
        for (var c = 1; c <= columns; c++) {
            $head.append($('<th class="o_ede_level_head"/>').text(
                _.str.sprintf(_t("Palier %s"), c)));
        }
        $table.append($('<thead/>').append($head));
        var $body = $('<tbody/>');
        _.each(lines, function (line) {
            var item = line.data.item_id;
            var chosen = line.data.level_id && line.data.level_id.res_id;
            var $row = $('<tr/>').toggleClass('o_ede_missing', !chosen);
            var $name = $('<th class="o_ede_item" scope="row"/>').text(item.data.display_name);
            if (line.data.item_description) {
                $name.attr('title', line.data.item_description);
            }
            $row.append($name);
            var levels = self.levelsByItem[item.res_id] || [];
            _.each(_.range(1, columns + 1), function (sequence) {
                var level = _.findWhere(levels, {sequence: sequence});
                if (!level) {
                    $row.append('<td class="o_ede_cell o_ede_empty"/>');
                    return;
                }
                var isChosen = level.id === chosen;
                var $cell = $('<td class="o_ede_cell"/>')
                    .addClass('o_ede_color_' + level.color)
                    .toggleClass('o_ede_chosen', isChosen)
                    .toggleClass('o_ede_pickable', editable)
                    .attr({
                        'data-line': line.id,
                        'data-level': level.id,
                        'title': level.name + ' — ' + self._points(level.points),
                        'aria-pressed': isChosen ? 'true' : 'false',
                    });
                if (editable) {
                    $cell.attr({tabindex: 0, role: 'button'});
                }
                $cell.append($('<span class="o_ede_mark" aria-hidden="true"/>').text(isChosen ? '✕' : ''));
                $cell.append($('<span class="o_ede_wording"/>').text(level.name));
                $cell.append($('<span class="o_ede_points"/>').text(self._points(level.points)));
                $row.append($cell);
            });
            $body.append($row);
        });
        $table.append($body);
        this.$el.empty().append($('<div class="o_ede_wrap"/>').append($table));
        if (this._refocus) {
            this.$('.o_ede_cell[data-line="' + this._refocus + '"].o_ede_chosen').focus();
            this._refocus = null;
        }
        this._drawCurve();
    },
    /**
     * Joins the crosses of consecutive items, as on the paper grid. Needs the
     * table in the document to measure it: retried until it is.
     */
    _drawCurve: function (attempt) {
        var self = this;
        var $wrap = this.$('.o_ede_wrap');
        if (!$wrap.length) {
            return;
        }
        if (!$.contains(document.documentElement, $wrap[0]) || !$wrap.width()) {
            attempt = attempt || 0;
            if (attempt < 50) {
                setTimeout(function () { self._drawCurve(attempt + 1); }, 100);
            }
            return;
        }
        $wrap.find('svg.o_ede_curve').remove();
        var origin = $wrap.offset();
        var points = [];
        var segments = [];
        $wrap.find('tbody tr').each(function () {
            var $cell = $(this).find('.o_ede_chosen .o_ede_mark');
            if (!$cell.length) {
                if (points.length) {
                    segments.push(points);
                }
                points = [];
                return;
            }
            var offset = $cell.offset();
            points.push([offset.left - origin.left + $cell.outerWidth() / 2,
                         offset.top - origin.top + $cell.outerHeight() / 2]);
        });
        if (points.length) {
            segments.push(points);
        }
        var ns = 'http://www.w3.org/2000/svg';
        var svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('class', 'o_ede_curve');
        svg.setAttribute('width', $wrap.outerWidth());
        svg.setAttribute('height', $wrap.outerHeight());
        _.each(segments, function (segment) {
            if (segment.length < 2) {
                return;
            }
            var polyline = document.createElementNS(ns, 'polyline');
            polyline.setAttribute('points', _.map(segment, function (p) {
                return p[0].toFixed(1) + ',' + p[1].toFixed(1);
            }).join(' '));
            svg.appendChild(polyline);
        });
        $wrap.append(svg);
    },
    _points: function (points) {
        return points === 1 ? _t("1 pt") : _.str.sprintf(_t("%s pts"), points);
    },
    _pick: function ($cell) {
        var lineId = $cell.data('line');
        var levelId = $cell.data('level');
        var line = _.findWhere(this.value.data, {id: lineId});
        if (!line || (line.data.level_id && line.data.level_id.res_id === levelId)) {
            return;
        }
        var level = _.findWhere(this.levelsByItem[line.data.item_id.res_id], {id: levelId});
        this._refocus = $cell.is(':focus') ? lineId : null;
        this._setValue({
            operation: 'UPDATE',
            id: lineId,
            data: {level_id: {id: level.id, display_name: level.sequence + '. ' + level.name}},
        });
    },

    //--------------------------------------------------------------------------
    // Handlers
    //--------------------------------------------------------------------------

    _onCellClick: function (ev) {
        ev.preventDefault();
        this._pick($(ev.currentTarget));
    },
    _onCellKeydown: function (ev) {
        if (ev.which === $.ui.keyCode.ENTER || ev.which === $.ui.keyCode.SPACE) {
            ev.preventDefault();
            ev.stopPropagation();
            this._pick($(ev.currentTarget));
        }
    },
});

fieldRegistry.add('rsa_ede_grid', EdeGrid);

return EdeGrid;
});
