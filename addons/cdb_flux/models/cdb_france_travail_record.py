from odoo import fields, models


class CdbFranceTravailRecord(models.Model):
    """What a line of the France Travail "principal" extract says of a
    beneficiary: the registration (date, category, reason), the structures,
    the accompaniment modality and its dates, the last interviews, the ROME
    codes sought, the difficulties and the France Travail référent. The raw
    line is kept with its SHA-256: the same line read again writes nothing
    (readme/FLUX.rst)."""

    _name = "cdb.france.travail.record"
    _inherit = "cdb.notebook.followed.mixin"
    _description = "France Travail registration (extract)"
    _order = "extract_date desc, id desc"

    partner_id = fields.Many2one("res.partner", "Beneficiary", required=True,
                                 ondelete="cascade", index=True)
    notebook_id = fields.Many2one("cdb.notebook", "Carnet de bord", ondelete="cascade",
                                  index=True)
    job_id = fields.Many2one("cdb.import.job", "Import", ondelete="set null")
    extract_date = fields.Date("Read on")
    france_travail_uid = fields.Char("France Travail identifier", index=True,
                                     help="identifiant_unique_de of the extract.")
    registration_date = fields.Date("Registered on")
    category = fields.Char("Registration category")
    reason_code = fields.Char()
    reason = fields.Char("Registration reason")
    main_structure = fields.Char()
    follow_structure = fields.Char("Following structure")
    modality = fields.Char("Accompaniment modality")
    follow_start = fields.Date("Accompaniment since")
    follow_end = fields.Date("Accompaniment until (planned)")
    last_ppae_interview = fields.Date("Last PPAE interview")
    last_interview = fields.Date()
    rome_code_ids = fields.Many2many("cdb.rome.code", string="ROME codes sought")
    rome_unknown = fields.Char("Other jobs sought", help="ROME codes of the extract that are "
                               "not in the ROME list, with their label.")
    work_axes = fields.Char()
    difficulties = fields.Char()
    brsa = fields.Boolean("RSA beneficiary (France Travail)")
    referent_user_id = fields.Many2one("res.users", "France Travail référent",
                                       ondelete="set null")
    raw_line = fields.Text("Line of the extract")
    line_hash = fields.Char("SHA-256 of the line", required=True, index=True)

    _sql_constraints = [
        ("line_hash_unique", "unique(line_hash)", "This line of the extract is already read."),
    ]
