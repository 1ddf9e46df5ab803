from collections import OrderedDict
from html import escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date

from .rsa_ede_scale import ORIENTATIONS

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
    is therefore agreed (``action_done``) only with a level on every item,
    and an agreed assessment is never modified afterwards.

    "FREQUENCE D'UTILISATION": "Cette échelle est à compléter à chaque étape
    de parcours du Bénéficiaire du Rsa, et doit mesurer l'évolution de la
    personne. Elle sera demandée à chaque renouvellement de contrat, dans le
    cadre d'une demande de réorientation." — one record per filling, and
    ``_chart_svg`` draws the evolution.
    """

    _name = "rsa.ede.assessment"
    _description = "Employment-distance assessment (EDE)"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True,
        readonly=True, states={"draft": [("readonly", False)]})
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True, index=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]}, copy=False)
    user_id = fields.Many2one(
        "res.users", "Référent", default=lambda self: self.env.user,
        track_visibility="onchange",
        readonly=True, states={"draft": [("readonly", False)]})
    scale_id = fields.Many2one(
        "rsa.ede.scale", "Scale", required=True, ondelete="restrict",
        default=lambda self: self.env["rsa.ede.scale"]._get_default_scale(),
        readonly=True, states={"draft": [("readonly", False)]})
    line_ids = fields.One2many(
        "rsa.ede.assessment.line", "assessment_id", "Items", copy=True,
        readonly=True, states={"draft": [("readonly", False)]})
    total_points = fields.Integer(
        "Total", compute="_compute_total", store=True, track_visibility="onchange")
    proposed_orientation = fields.Selection(
        ORIENTATIONS, "Proposed orientation", compute="_compute_total", store=True,
        track_visibility="onchange")
    green_count = fields.Integer("Green", compute="_compute_colour_counts", store=True)
    pink_count = fields.Integer("Pink", compute="_compute_colour_counts", store=True)
    blue_count = fields.Integer("Blue", compute="_compute_colour_counts", store=True)
    missing_count = fields.Integer(
        "Items without a level", compute="_compute_colour_counts")
    comment = fields.Text(
        "Référent's comment", readonly=True, states={"draft": [("readonly", False)]})
    beneficiary_comment = fields.Text(
        "The beneficiary's own view",
        help="What the beneficiary says of their situation, in their words: it may "
             "differ from the socio-professional data.",
        readonly=True, states={"draft": [("readonly", False)]})
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Agreed")], default="draft", required=True,
        copy=False, index=True, track_visibility="onchange")
    ep_case_ids = fields.One2many("rsa.ep.case", "assessment_id", "EP cases")

    # ---------------------------------------------------------------- computes
    @api.depends("line_ids.points", "line_ids.level_id",
                 "scale_id.professional_below", "scale_id.solidarity_above")
    def _compute_total(self):
        """The total of the points, and the orientation it proposes
        (``rsa.ede.scale._propose_orientation``) once every line (one per
        item of the scale) has its level: a partial total would propose a
        professional orientation for a grid that is simply not filled yet."""
        for assessment in self:
            total = sum(assessment.line_ids.mapped("points"))
            assessment.total_points = total
            complete = bool(assessment.scale_id and assessment.line_ids
                            and all(line.level_id for line in assessment.line_ids))
            assessment.proposed_orientation = \
                assessment.scale_id._propose_orientation(total) if complete else False

    @api.depends("line_ids.color", "line_ids.level_id")
    def _compute_colour_counts(self):
        """Seed 003, "La deuxième analyse": "L'échelle de distance à l'emploi
        contient différents codes couleurs qui permettent de visualiser les
        freins à l'emploi et de confirmer ou non la proposition
        d'orientation." """
        for assessment in self:
            colours = assessment.line_ids.mapped("color")
            assessment.green_count = colours.count("green")
            assessment.pink_count = colours.count("pink")
            assessment.blue_count = colours.count("blue")
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
        for assessment in self.filtered(lambda a: a.state == "draft"):
            foreign = assessment.line_ids.filtered(lambda l: l.item_id.scale_id != assessment.scale_id)
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
        if self.filtered(lambda a: a.state == "done"):
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
        if not self.env.user.has_group("carnet_de_bord.group_cdb_admin"):
            self._check_draft()
        return super().unlink()

    # ------------------------------------------------------------------ actions
    @api.multi
    def action_done(self):
        """The beneficiary and the référent agree on the grid: every item must
        have its cross (seed 003: "Ils procèdent ainsi pour chaque item")."""
        for assessment in self:
            assessment._check_draft()
            if not assessment.scale_id.item_ids:
                raise UserError(_("The scale of this assessment has no item."))
            chosen = assessment.line_ids.filtered("level_id").mapped("item_id")
            missing = assessment.scale_id.item_ids - chosen
            if missing:
                raise UserError(_(
                    "Choose a level for every item before agreeing the assessment. "
                    "Items without a level: %s.") % ", ".join(missing.mapped("name")))
        self.write({"state": "done"})
        for assessment in self:
            assessment.message_post(body=_(
                "Assessment agreed with the beneficiary: %d points, %s.") % (
                    assessment.total_points,
                    dict(self._fields["proposed_orientation"]._description_selection(
                        self.env))[assessment.proposed_orientation]))
        return True

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
    def _chart_svg(self, width=760, height=330):
        """The evolution of the agreed assessments of one carnet, as an inline
        SVG (no JavaScript): the total over time (thick line, one dot per
        assessment, its value written above) and each item's points over
        time (thin lines, legend on the right), the dates on the x axis, the
        two thresholds of the scale as dashed lines.

        Seed 003: "Les croix peuvent être reliées entre elles pour obtenir une
        courbe" and the scale "doit mesurer l'évolution de la personne".

        Assessments are evenly spaced in date order (each is a step of the
        path). Items are matched by name, so that a new version of the scale
        with the same items continues the same lines. Only agreed
        assessments are plotted; with none, a short message is returned.
        """
        assessments = self.filtered(lambda a: a.state == "done").sorted(
            key=lambda a: (a.date or "", a.id))
        if not assessments:
            return '<p class="text-muted">%s</p>' % escape(
                _("No agreed employment-distance assessment yet."))

        # series: item name -> {index: points}
        series = OrderedDict()
        for index, assessment in enumerate(assessments):
            for line in assessment.line_ids.sorted(key=lambda l: (l.sequence, l.id)):
                series.setdefault(line.item_id.name, {})[index] = line.points
        totals = assessments.mapped("total_points")
        scale = assessments[-1].scale_id
        values = totals + [p for s in series.values() for p in s.values()] + \
            [scale.solidarity_above]
        step = 10 if max(values) <= 100 else 20
        y_max = (int(max(values) * 1.1) // step + 1) * step

        left, right, top, bottom = 46, 230, 22, 62
        plot_w, plot_h = width - left - right, height - top - bottom
        count = len(assessments)

        def x(index):
            if count == 1:
                return left + plot_w / 2.0
            return left + 24 + index * (plot_w - 48) / float(count - 1)

        def y(value):
            return top + plot_h - value * plot_h / float(y_max)

        out = [
            '<svg xmlns="http://www.w3.org/2000/svg" class="o_rsa_ede_chart" role="img" '
            'width="%d" height="%d" viewBox="0 0 %d %d" '
            'style="font-family: sans-serif; font-size: 11px; max-width: 100%%; height: auto;">'
            % (width, height, width, height),
            '<title>%s</title>' % escape(_("Evolution of the employment-distance scale")),
            '<rect x="%d" y="%d" width="%d" height="%d" fill="#ffffff" stroke="#cccccc"/>'
            % (left, top, plot_w, plot_h),
        ]
        # horizontal grid and y labels
        for value in range(0, y_max + 1, step):
            out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eeeeee"/>'
                       % (left, y(value), left + plot_w, y(value)))
            out.append('<text x="%d" y="%.1f" text-anchor="end" fill="#666666">%d</text>'
                       % (left - 6, y(value) + 4, value))
        # thresholds of the scale: dashed lines, explained in the legend
        thresholds = (
            (scale.professional_below, "#2e7d32",
             _("Professional below %d") % scale.professional_below),
            (scale.solidarity_above, "#7b3f98",
             _("Solidarity above %d") % scale.solidarity_above),
        )
        for value, colour, _label in thresholds:
            out.append('<line class="ede-threshold" x1="%d" y1="%.1f" x2="%d" y2="%.1f" '
                       'stroke="%s" stroke-width="1.5" stroke-dasharray="6,4"/>'
                       % (left, y(value), left + plot_w, y(value), colour))
        # x labels: the dates
        rotate = count > 6
        for index, assessment in enumerate(assessments):
            label = escape(format_date(assessment.date))
            if rotate:
                out.append('<text x="%.1f" y="%d" text-anchor="end" fill="#333333" '
                           'transform="rotate(-35 %.1f %d)">%s</text>'
                           % (x(index), top + plot_h + 14, x(index), top + plot_h + 14, label))
            else:
                out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#333333">%s</text>'
                           % (x(index), top + plot_h + 16, label))
        # item lines (thin) and legend
        legend_x = left + plot_w + 16
        for number, (name, points) in enumerate(series.items()):
            colour = CHART_PALETTE[number % len(CHART_PALETTE)]
            path, previous = [], None
            for index in sorted(points):
                command = "L" if previous is not None and index == previous + 1 else "M"
                path.append("%s%.1f %.1f" % (command, x(index), y(points[index])))
                previous = index
            out.append('<path class="ede-item-line" d="%s" fill="none" stroke="%s" '
                       'stroke-width="1.5" opacity="0.85"/>' % (" ".join(path), colour))
            for index in sorted(points):
                out.append('<circle class="ede-item-point" cx="%.1f" cy="%.1f" r="2.5" '
                           'fill="%s"/>' % (x(index), y(points[index]), colour))
            legend_y = top + 8 + number * 18
            short = name if len(name) <= 34 else name[:33] + "…"
            out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"/>'
                       % (legend_x, legend_y, legend_x + 16, legend_y, colour))
            out.append('<text x="%d" y="%d" fill="#333333"><title>%s</title>%s</text>'
                       % (legend_x + 22, legend_y + 4, escape(name), escape(short)))
        # the total (thick)
        legend_y = top + 8 + len(series) * 18 + 6
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1f2d3d" stroke-width="4"/>'
                   % (legend_x, legend_y, legend_x + 16, legend_y))
        out.append('<text x="%d" y="%d" fill="#1f2d3d" font-weight="bold">%s</text>'
                   % (legend_x + 22, legend_y + 4, escape(_("Total"))))
        for number, (value, colour, label) in enumerate(thresholds):
            threshold_y = legend_y + 20 + number * 18
            out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="1.5" '
                       'stroke-dasharray="6,4"/>'
                       % (legend_x, threshold_y, legend_x + 16, threshold_y, colour))
            out.append('<text x="%d" y="%d" fill="#555555">%s</text>'
                       % (legend_x + 22, threshold_y + 4, escape(label)))
        out.append('<path class="ede-total-line" d="%s" fill="none" stroke="#1f2d3d" '
                   'stroke-width="4" stroke-linejoin="round"/>' % " ".join(
                       "%s%.1f %.1f" % ("M" if i == 0 else "L", x(i), y(t))
                       for i, t in enumerate(totals)))
        for index, total in enumerate(totals):
            out.append('<circle class="ede-total-point" cx="%.1f" cy="%.1f" r="5" '
                       'fill="#1f2d3d"><title>%s</title></circle>'
                       % (x(index), y(total), escape("%s : %d" % (
                           format_date(assessments[index].date), total))))
            out.append('<text x="%.1f" y="%.1f" text-anchor="middle" font-weight="bold" '
                       'fill="#1f2d3d" stroke="#ffffff" stroke-width="3" paint-order="stroke">'
                       '%d</text>' % (x(index), y(total) - 9, total))
        out.append("</svg>")
        return "".join(out)
