import textwrap
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date, selection_label

from .cdb_notebook import (
    PERM_AGREE_ASSESSMENT, PERM_DELETE_AGREED_ASSESSMENT)
from .rsa_ede_level import BLUE, GREEN, NONE, PINK
from .rsa_ede_scale import ORIENTATIONS, PROFESSIONAL, SOLIDARITY, TEAM

# States of an assessment: a draft is filled in; an agreed one never changes.
DRAFT, AGREED = "draft", "done"

# Fields a locked (agreed) assessment still accepts: the chatter's.
CHATTER_PREFIXES = ("message_", "activity_", "website_message_")

# Colours of the item lines of the evolution chart (colour-blind friendly).
CHART_PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
                 "#9c755f", "#edc948", "#76b7b2", "#ff9da7", "#bab0ac"]


class RsaEdeAssessment(models.Model):
    """One filling of the employment-distance scale with the beneficiary.

    Seed 003, "UTILISATION DE L'ECHELLE A DISTANCE POUR L'EMPLOI":
    "L'objectif est de noter l'avis du bénéficiaire sur différents items, en
    négociation avec le référent. A chaque item, le bénéficiaire doit déclarer
    s'il considère qu'il représente ou non un frein à l'emploi." The
    beneficiary's view may differ from the socio-professional data: "un
    logement en caravane est considéré dans les données socioprofessionnelles
    comme un logement précaire ; mais pour le bénéficiaire, ce même logement
    peut ne représenter aucun frein dans sa recherche d'emploi" — hence
    ``beneficiary_comment``, and levels worded from the beneficiary's point of
    view.

    "Pour remplir cette grille, le bénéficiaire et son interlocuteur se mettent
    d'accord sur un échelon correspondant le mieux à la réponse et mettent une
    croix sur ce palier. Ils procèdent ainsi pour chaque item. Les croix
    peuvent être reliées entre elles pour obtenir une courbe." An assessment
    is therefore agreed (``action_done``, the only way to the state
    ``AGREED``) only with a level on every item, and an agreed assessment is
    never modified afterwards.

    "FREQUENCE D'UTILISATION": "Cette échelle est à compléter à chaque étape
    de parcours du Bénéficiaire du Rsa, et doit mesurer l'évolution de la
    personne. Elle sera demandée à chaque renouvellement de contrat, dans le
    cadre d'une demande de réorientation." — one record per filling, and
    ``_chart_data`` feeds the evolution chart.
    """

    _name = "rsa.ede.assessment"
    _description = "Employment-distance assessment (EDE)"
    _inherit = ["cdb.workflow.mixin", "cdb.notebook.part.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _workflow_fields = ("state",)

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True,
        readonly=True, states={DRAFT: [("readonly", False)]})
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True, index=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, track_visibility="onchange",
        readonly=True, states={DRAFT: [("readonly", False)]}, copy=False)
    user_id = fields.Many2one(
        "res.users", "Référent", default=lambda self: self.env.user,
        track_visibility="onchange",
        readonly=True, states={DRAFT: [("readonly", False)]})
    scale_id = fields.Many2one(
        "rsa.ede.scale", "Scale", required=True, ondelete="restrict",
        default=lambda self: self.env["rsa.ede.scale"]._get_default_scale(),
        readonly=True, states={DRAFT: [("readonly", False)]})
    line_ids = fields.One2many(
        "rsa.ede.assessment.line", "assessment_id", "Items", copy=True,
        readonly=True, states={DRAFT: [("readonly", False)]})
    total_points = fields.Integer(
        "Total", compute="_compute_total", store=True, track_visibility="onchange")
    proposed_orientation = fields.Selection(
        ORIENTATIONS, compute="_compute_total", store=True, track_visibility="onchange")
    proposal_reason = fields.Char(
        "Why", compute="_compute_proposal_reason",
        help="What the proposal comes from: the total and the thresholds of the scale, "
             "or the items answered at a blue level (real barrier).")
    priority_item_ids = fields.Many2many(
        "rsa.ede.item", string="Real barriers (blue)", compute="_compute_proposal_reason",
        help="The items answered at a blue level: the solidarity sphere is to be "
             "prioritised, whatever the total.")
    green_count = fields.Integer("Green", compute="_compute_colour_counts", store=True)
    pink_count = fields.Integer("Pink", compute="_compute_colour_counts", store=True)
    blue_count = fields.Integer("Blue", compute="_compute_colour_counts", store=True)
    missing_count = fields.Integer(
        "Items without a level", compute="_compute_colour_counts")
    comment = fields.Text(
        "Référent's comment", readonly=True, states={DRAFT: [("readonly", False)]})
    beneficiary_comment = fields.Text(
        "The beneficiary's own view",
        help="What the beneficiary says of their situation, in their words: it may "
             "differ from the socio-professional data.",
        readonly=True, states={DRAFT: [("readonly", False)]})
    state = fields.Selection(
        [(DRAFT, "Draft"), (AGREED, "Agreed")], default=DRAFT, required=True,
        copy=False, index=True, track_visibility="onchange")
    ep_case_ids = fields.One2many("rsa.ep.case", "assessment_id", "EP cases")

    @api.model
    def _agreed_domain(self):
        """The assessments agreed with the beneficiary."""
        return [("state", "=", AGREED)]

    @api.model
    def _draft_domain(self):
        """The assessments still being filled in."""
        return [("state", "=", DRAFT)]

    def _is_agreed(self):
        self.ensure_one()
        return self.state == AGREED

    # ---------------------------------------------------------------- computes
    @api.depends("line_ids.points", "line_ids.level_id", "line_ids.color",
                 "scale_id.professional_below", "scale_id.solidarity_above")
    def _compute_total(self):
        """The total of the points, and the orientation it proposes
        (``rsa.ede.scale._propose_orientation``) once every line (one per
        item of the scale) has its level: a partial total would propose a
        professional orientation for a grid that is simply not filled yet.

        The colours count (seed 003, "La deuxième analyse"): "La couleur
        bleue signale des points importants qui sont des réels freins à
        l'emploi et l'orientation vers la sphère solidarité est à
        prioriser": an item answered at a blue level proposes the solidarity
        sphere, whatever the total."""
        for assessment in self:
            total = sum(assessment.line_ids.mapped("points"))
            assessment.total_points = total
            if not assessment._is_complete():
                assessment.proposed_orientation = False
            elif assessment._blue_lines():
                assessment.proposed_orientation = SOLIDARITY
            else:
                assessment.proposed_orientation = assessment.scale_id._propose_orientation(total)

    def _is_complete(self):
        """Every line (one per item of the scale) has its level."""
        self.ensure_one()
        return bool(self.scale_id and self.line_ids
                    and all(line.level_id for line in self.line_ids))

    def _blue_lines(self):
        """The lines answered at a blue level (a real barrier)."""
        self.ensure_one()
        return self.line_ids.filtered(lambda line: line.color == BLUE)

    @api.depends("proposed_orientation", "total_points", "line_ids.color")
    def _compute_proposal_reason(self):
        """Why the scale proposes what it proposes, in words (the form of the
        assessment and of the orientation show it)."""
        for assessment in self:
            blue = assessment._blue_lines().sorted(lambda line: (line.sequence, line.id))
            assessment.priority_item_ids = blue.mapped("item_id")
            assessment.proposal_reason = assessment._proposal_reason(blue)

    def _proposal_reason(self, blue):
        scale, total = self.scale_id, self.total_points
        proposal = self.proposed_orientation
        if not proposal:
            return False
        if blue:
            return _("Real barrier (blue level) on %s: the solidarity sphere is to be "
                     "prioritised, whatever the total (%d points).") % (
                ", ".join(blue.mapped("item_id.name")), total)
        if proposal == PROFESSIONAL:
            return _("Total of %d points, below %d.") % (total, scale.professional_below)
        if proposal == TEAM:
            return _("Total of %d points, from %d to %d: the orientation team or the EP "
                     "decides.") % (total, scale.professional_below, scale.solidarity_above)
        return _("Total of %d points, above %d.") % (total, scale.solidarity_above)

    @api.depends("line_ids.color", "line_ids.level_id")
    def _compute_colour_counts(self):
        """Seed 003, "La deuxième analyse": "L'échelle de distance à l'emploi
        contient différents codes couleurs qui permettent de visualiser les
        freins à l'emploi et de confirmer ou non la proposition
        d'orientation." """
        for assessment in self:
            colours = assessment.line_ids.mapped("color")
            assessment.green_count = colours.count(GREEN)
            assessment.pink_count = colours.count(PINK)
            assessment.blue_count = colours.count(BLUE)
            assessment.missing_count = len(
                assessment.line_ids.filtered(lambda l: not l.level_id))

    @api.multi
    def name_get(self):
        return [(a.id, _("EDE %s – %s") % (a.beneficiary_id.name or "", format_date(a.date)))
                for a in self]

    # ------------------------------------------------------------------ lines
    @api.onchange("scale_id")
    def _onchange_scale_id(self):
        """One line per item of the chosen scale, ready to be ticked."""
        if self.scale_id and self.line_ids.mapped("item_id.scale_id") != self.scale_id:
            self.line_ids = [(5, 0, 0)] + [
                (0, 0, {"item_id": item.id}) for item in self.scale_id.item_ids]

    def _sync_lines(self):
        """Give a draft assessment exactly one line per item of its scale:
        lines of other scales go, missing items are added."""
        Line = self.env["rsa.ede.assessment.line"]
        for assessment in self.filtered(lambda a: a.state == DRAFT):
            foreign = assessment.line_ids.filtered(
                lambda l: l.item_id.scale_id != assessment.scale_id)
            foreign.unlink()
            present = assessment.line_ids.mapped("item_id")
            for item in assessment.scale_id.item_ids - present:
                Line.create({"assessment_id": assessment.id, "item_id": item.id})

    @api.model
    def create(self, vals):
        if vals.get("line_ids") and vals.get("scale_id"):
            # Lines of another scale (e.g. sent before the scale changed) are dropped.
            items = self.env["rsa.ede.scale"].browse(vals["scale_id"]).item_ids.ids
            vals["line_ids"] = [c for c in vals["line_ids"]
                                if c[0] != 0 or c[2].get("item_id") in items]
        assessment = super().create(vals)
        assessment._sync_lines()
        return assessment

    # ------------------------------------------------------------------ locking
    def _check_draft(self):
        if self.filtered(lambda a: a.state == AGREED):
            raise UserError(_(
                "This assessment was agreed with the beneficiary: it cannot be modified. "
                "Start a new assessment to record a change."))

    @api.multi
    def write(self, vals):
        if any(not name.startswith(CHATTER_PREFIXES) for name in vals):
            self._check_draft()
        result = super().write(vals)
        if "scale_id" in vals:
            self._sync_lines()
        return result

    @api.multi
    def unlink(self):
        """A draft goes freely; an agreed assessment is history: only the
        functional administrator deletes it (policy
        ``PERM_DELETE_AGREED_ASSESSMENT``)."""
        for notebook in self.filtered(lambda a: a.state == AGREED).mapped("notebook_id"):
            if not notebook._cdb_may(PERM_DELETE_AGREED_ASSESSMENT):
                self._check_draft()
        return super().unlink()

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_done(self):
        """The beneficiary and the référent agree on the grid: every item must
        have its cross (seed 003: "Ils procèdent ainsi pour chaque item")."""
        for assessment in self:
            assessment._check_draft()
            assessment.notebook_id._cdb_check(PERM_AGREE_ASSESSMENT)
            assessment._check_complete()
        self._workflow_write({"state": AGREED})
        for assessment in self:
            assessment.message_post(body=_(
                "Assessment agreed with the beneficiary: %d points, %s.") % (
                    assessment.total_points,
                    selection_label(assessment, "proposed_orientation")))
        return True

    def _check_complete(self):
        if not self.scale_id.item_ids:
            raise UserError(_("The scale of this assessment has no item."))
        chosen = self.line_ids.filtered("level_id").mapped("item_id")
        missing = self.scale_id.item_ids - chosen
        if missing:
            raise UserError(_(
                "Choose a level for every item before agreeing the assessment. "
                "Items without a level: %s.") % ", ".join(missing.mapped("name")))

    @api.multi
    def action_print(self):
        return self.env.ref(
            "rsa_orientation.action_report_rsa_ede_assessment").report_action(self)

    @api.multi
    def action_new_from_this(self):
        """A new draft assessment of the same carnet, prefilled with this
        one's levels, to record the evolution at the next step."""
        self.ensure_one()
        new = self.copy({"user_id": self.env.uid, "comment": False,
                         "beneficiary_comment": False})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    # -------------------------------------------------------------------- chart
    def _chart_data(self, width=760, height=330):
        """What the evolution chart (QWeb template ``rsa_orientation.ede_chart``,
        in the carnet and in the printed assessment) draws, as numbers and
        texts: the total over time (thick line, one dot per assessment, its
        value written above) and each item's points over time (thin lines,
        legend on the right), the dates on the x axis, the two thresholds of
        the scale as dashed lines. ``{}`` when no assessment is agreed.

        Seed 003: "Les croix peuvent être reliées entre elles pour obtenir une
        courbe" and the scale "doit mesurer l'évolution de la personne".

        Assessments are evenly spaced in date order (each is a step of the
        path). Items are matched by name, so that a new version of the scale
        with the same items continues the same lines. Only agreed
        assessments are plotted.
        """
        assessments = self.filtered(lambda a: a.state == AGREED).sorted(
            key=lambda a: (a.date or "", a.id))
        if not assessments:
            return {}
        series = OrderedDict()  # item name -> {index: points}
        for index, assessment in enumerate(assessments):
            for line in assessment.line_ids.sorted(key=lambda l: (l.sequence, l.id)):
                series.setdefault(line.item_id.name, {})[index] = line.points
        totals = assessments.mapped("total_points")
        scale = assessments[-1].scale_id
        frame = _ChartFrame(width, height, len(assessments), max(
            totals + [p for s in series.values() for p in s.values()]
            + [scale.solidarity_above]))
        legend_x = frame.left + frame.plot_w + 16
        items = [frame.item(number, name, points, legend_x)
                 for number, (name, points) in enumerate(series.items())]
        total_legend_y = frame.top + 8 + len(items) * 18 + 6
        return {
            # (QWeb does not translate the text of a <title> element)
            "title": _("Evolution of the employment-distance scale"),
            "width": width, "height": height, "frame": frame.box(), "legend_x": legend_x,
            "grid": frame.grid(),
            "thresholds": [
                frame.threshold(number, value, colour, label, total_legend_y)
                for number, (value, colour, label) in enumerate((
                    (scale.professional_below, "#2e7d32",
                     _("Professional below %d") % scale.professional_below),
                    (scale.solidarity_above, "#7b3f98",
                     _("Solidarity above %d") % scale.solidarity_above)))],
            "dates": [frame.date_label(index, format_date(a.date))
                      for index, a in enumerate(assessments)],
            "items": items,
            "total": {
                "legend_y": total_legend_y,
                "path": " ".join("%s%.1f %.1f" % ("M" if i == 0 else "L", frame.x(i),
                                                  frame.y(total))
                                 for i, total in enumerate(totals)),
                "points": [{"x": "%.1f" % frame.x(i), "y": "%.1f" % frame.y(total),
                            "label_y": "%.1f" % (frame.y(total) - 9), "value": total,
                            "title": "%s : %d" % (format_date(a.date), total)}
                           for i, (a, total) in enumerate(zip(assessments, totals))],
            },
        }

    def _chart_html(self):
        """The evolution chart of these assessments, as HTML (inline SVG, no
        JavaScript), or a short message when none is agreed."""
        html = self.env["ir.qweb"].render(
            "rsa_orientation.ede_chart", {"chart": self._chart_data()})
        return (html.decode("utf-8") if isinstance(html, bytes) else html).strip()

    def _evolution_chart_data(self):
        """The chart of the agreed assessments of this one's carnet, up to
        this one (the printed assessment shows the path so far). Searched,
        not read through the carnet: an EP member reads the assessments of
        the carnets of his cases, not the carnet."""
        self.ensure_one()
        key = (self.date or "", self.id)
        return self.search([("notebook_id", "=", self.notebook_id.id)]).filtered(
            lambda a: (a.date or "", a.id) <= key)._chart_data()

    # --------------------------------------------------------------------- grid
    def _grid_data(self, width=760):
        """The grid of the scale as the paper grid of Annexe 3 and the
        interview's widget show it, for the QWeb template
        ``rsa_orientation.ede_grid`` (inline SVG, no JavaScript): one row per
        item, its paliers side by side coloured by their colour, with their
        wording and points; a cross on the palier agreed for each item and
        the crosses joined by a line (seed 003: "mettent une croix sur ce
        palier. Ils procèdent ainsi pour chaque item. Les croix peuvent être
        reliées entre elles pour obtenir une courbe").

        Every position is computed here (the wording is wrapped to the width
        of a cell); the template only draws."""
        self.ensure_one()
        lines = self.line_ids.sorted(key=lambda l: (l.sequence, l.id))
        columns = max([max(line.item_id.level_ids.mapped("sequence") or [0])
                       for line in lines] + [1])
        grid = _GridFrame(width, columns)
        rows, crosses, top = [], [], grid.header_h
        for line in lines:
            row = grid.row(line, top)
            rows.append(row)
            if row["cross"]:
                crosses.append(row["cross"])
            top += row["height"]
        return {
            # (QWeb does not translate the text of a <title> element)
            "title": _("Employment-distance scale of %s") % format_date(self.date),
            "width": width, "height": top + 1, "item_w": grid.item_w,
            "header_h": grid.header_h,
            "columns": [{"x": "%.1f" % grid.x(number), "mid": "%.1f" % grid.mid(number),
                         "w": "%.1f" % grid.level_w, "label": _("Palier %d") % number}
                        for number in range(1, columns + 1)],
            "rows": rows,
            "curve": " ".join("%s,%s" % (cross["x"], cross["y"]) for cross in crosses),
        }


class _GridFrame:
    """The geometry of the printed grid: an item column, then one column per
    palier; each row as high as its longest wording."""

    item_w, header_h, line_h, font_w = 150, 22, 10, 4.3
    fills = {NONE: "#ffffff", GREEN: "#dcefd3", PINK: "#f8dbe8", BLUE: "#d6e6f7"}

    def __init__(self, width, columns):
        self.width = width
        self.columns = columns
        self.level_w = (width - self.item_w - 1) / float(columns)

    def x(self, number):
        return self.item_w + (number - 1) * self.level_w

    def mid(self, number):
        return self.x(number) + self.level_w / 2.0

    def wrap(self, text, width):
        return textwrap.wrap(text or "", max(8, int((width - 8) / self.font_w))) or [""]

    def row(self, line, top):
        """A row of the grid: its item, its cells and the cross."""
        levels = line.item_id.level_ids.sorted(key=lambda l: (l.sequence, l.id))
        wordings = {level.id: self.wrap(level.name, self.level_w) for level in levels}
        name = self.wrap(line.item_id.name, self.item_w)
        height = max([len(words) for words in wordings.values()] + [len(name)]) \
            * self.line_h + 34
        cells, cross = [], None
        for level in levels:
            chosen = level == line.level_id
            x = self.x(level.sequence)
            cells.append({
                "x": "%.1f" % x, "w": "%.1f" % self.level_w, "fill": self.fills.get(
                    level.color, "#ffffff"), "chosen": chosen,
                "lines": [{"x": "%.1f" % (x + 4), "y": top + 12 + n * self.line_h,
                           "text": text} for n, text in enumerate(wordings[level.id])],
                "points": {"x": "%.1f" % (x + self.level_w - 4), "y": top + height - 5,
                           "text": "%d pt%s" % (level.points, "s" if level.points > 1 else "")},
            })
            if chosen:
                cross = {"x": "%.1f" % self.mid(level.sequence), "y": top + height - 16}
        return {
            "top": top, "height": height, "cells": cells, "cross": cross,
            "name": [{"y": top + 12 + n * self.line_h, "text": text}
                     for n, text in enumerate(name)],
            "missing": not line.level_id,
        }


class _ChartFrame:
    """The geometry of the evolution chart: where a value and an assessment
    are drawn, the grid step and the legend rows."""

    left, right, top, bottom = 46, 230, 22, 62

    def __init__(self, width, height, count, highest):
        self.plot_w = width - self.left - self.right
        self.plot_h = height - self.top - self.bottom
        self.count = count
        self.step = 10 if highest <= 100 else 20
        self.y_max = (int(highest * 1.1) // self.step + 1) * self.step
        self.rotate = count > 6

    def box(self):
        """The plotting area, for the template."""
        return {"left": self.left, "top": self.top, "plot_w": self.plot_w,
                "plot_h": self.plot_h, "right": self.left + self.plot_w}

    def x(self, index):
        if self.count == 1:
            return self.left + self.plot_w / 2.0
        return self.left + 24 + index * (self.plot_w - 48) / float(self.count - 1)

    def y(self, value):
        return self.top + self.plot_h - value * self.plot_h / float(self.y_max)

    def grid(self):
        return [{"y": "%.1f" % self.y(value), "label_y": "%.1f" % (self.y(value) + 4),
                 "value": value} for value in range(0, self.y_max + 1, self.step)]

    def threshold(self, number, value, colour, label, total_legend_y):
        return {"y": "%.1f" % self.y(value), "colour": colour, "label": label,
                "legend_y": total_legend_y + 20 + number * 18}

    def date_label(self, index, label):
        base = self.top + self.plot_h
        return {"x": "%.1f" % self.x(index), "y": base + (14 if self.rotate else 16),
                "label": label,
                "transform": "rotate(-35 %.1f %d)" % (self.x(index), base + 14)
                if self.rotate else False}

    def item(self, number, name, points, legend_x):
        path, previous = [], None
        for index in sorted(points):
            command = "L" if previous is not None and index == previous + 1 else "M"
            path.append("%s%.1f %.1f" % (command, self.x(index), self.y(points[index])))
            previous = index
        return {
            "name": name, "short": name if len(name) <= 34 else name[:33] + "\u2026",
            "colour": CHART_PALETTE[number % len(CHART_PALETTE)], "path": " ".join(path),
            "points": [{"x": "%.1f" % self.x(index), "y": "%.1f" % self.y(points[index])}
                       for index in sorted(points)],
            "legend_y": self.top + 8 + number * 18,
        }
