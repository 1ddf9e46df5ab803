import hashlib

from odoo import _, models

from odoo.addons.carnet_de_bord.models.res_partner import normalize_nir
from odoo.addons.cdb_base.tools import identity_key
from odoo.addons.cdb_departement.models.cdb_import_column import EMAIL_RE
from odoo.addons.cdb_departement.models.cdb_import_reader import normalize, parse_date

# The columns of the extract (its header), in order: the raw line kept is
# these cells joined by ";".
FT_COLUMNS = (
    "identifiant_unique_de", "civilite", "nom", "prenom", "lieu_naissance",
    "code_lieu_naissance", "date_naissance", "adresse_ligne2", "adresse_ligne3",
    "adresse_ligne4", "adresse_ligne5", "adresse_ligne6", "departement", "dr", "rome_1",
    "appelation_rome_1", "rome_2", "appelation_rome_2", "mrech_axetravailprincipal",
    "mrech_axetravailsecondaire", "der_entretien_ppae", "der_entretien", "inscription",
    "code_motif_inscription", "motif_inscription", "categorie_inscription",
    "struct_principale", "referent_civilite", "referent_nom", "referent_prenom",
    "referent_mail", "code_safir", "modalite_accompagnement", "struct_suivi", "suivi_debut",
    "suivi_fin_prev", "dif_financiere", "dif_admin_jur", "dif_sante", "dif_logement",
    "dif_transport", "dif_inser_com", "dif_familiale", "brsa", "nir",
)
NULL_WORDS = {"null", "none", "n_a"}
YES_WORDS = {"o", "oui", "1", "y", "yes"}
DATE_KEYS = ("date_naissance", "der_entretien_ppae", "der_entretien", "inscription",
             "suivi_debut", "suivi_fin_prev")
STRUCTURE_PREFIX = "France Travail – "


class CdbImportHandlerFranceTravail(models.AbstractModel):
    """The weekly "principal" extract of France Travail (readme/FLUX.rst):
    each line is matched to a beneficiary by NIR (when the extract has the
    column) or by name and birth date (cdb_identity_key, as the duplicate
    rule), its registration recorded (``cdb.france.travail.record``) and the
    France Travail référent added to the carnet as a member: a professional
    matched by e-mail, else created in the agency's structure. A line
    already read (same SHA-256) writes nothing; a line that matches no
    beneficiary is listed in the report (the extract is imported with the
    option "import the valid lines")."""

    _name = "cdb.import.handler.france_travail"
    _inherit = "cdb.import.handler"
    _description = "Import of the France Travail extract"

    def _prepare(self):
        state = super()._prepare()
        keys = self.env["cdb.import.beneficiary.key"]._load_beneficiaries()
        state["identity"] = {}
        for partner_id, person in keys["person"].items():
            if person:
                state["identity"].setdefault(person, []).append(partner_id)
        self.env.cr.execute("SELECT nir, id FROM res_partner WHERE nir IS NOT NULL")
        state["nir"] = dict(self.env.cr.fetchall())
        self.env.cr.execute("SELECT line_hash FROM cdb_france_travail_record")
        state["hashes"] = {row[0] for row in self.env.cr.fetchall()}
        self.env.cr.execute("""
            SELECT DISTINCT ON (france_travail_uid) france_travail_uid, partner_id
            FROM cdb_france_travail_record WHERE france_travail_uid IS NOT NULL
            ORDER BY france_travail_uid, id DESC""")
        state["uids"] = dict(self.env.cr.fetchall())
        state["rome"] = {r["code"].upper(): r["id"] for r in self.env["cdb.rome.code"].with_context(
            active_test=False).search_read([], ["code"])}
        return state

    @staticmethod
    def _clean(values):
        """The cells of the line, "NULL" as empty."""
        return {key: (value if normalize(value) not in NULL_WORDS else "")
                for key, value in values.items() if isinstance(value, str)}

    def _check_row(self, state, line, values):
        cells = self._clean(values)
        raw = ";".join(cells.get(key, "") for key in FT_COLUMNS)
        values["_hash"] = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        values["_raw"] = raw
        values["_cells"] = cells
        errors = []
        dates = {}
        for key in DATE_KEYS:
            if cells.get(key):
                dates[key] = parse_date(cells[key])
                if not dates[key]:
                    errors.append((key, cells[key], _("Invalid date.")))
        values["_dates"] = dates
        email = (cells.get("referent_mail") or "").lower()
        if email and not EMAIL_RE.match(email):
            errors.append(("referent_mail", email, _("Invalid e-mail address.")))
        if errors:
            return errors
        first = self._seen_twice(state, "hash", values["_hash"], line)
        if first:
            values["_match"] = None
            return []
        if values["_hash"] in state["hashes"]:
            values["_match"] = "read"
            return []
        match, error = self._match(state, cells, dates)
        values["_match"] = match
        return [error] if error else []

    def _match(self, state, cells, dates):
        nir = normalize_nir(cells.get("nir")) if cells.get("nir") else None
        if nir and nir in state["nir"]:
            return state["nir"][nir], None
        if cells.get("identifiant_unique_de") in state["uids"]:
            return state["uids"][cells["identifiant_unique_de"]], None
        person = (identity_key(cells.get("nom"), cells.get("prenom")),
                  dates.get("date_naissance"))
        found = state["identity"].get(person, [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, ("nom", cells.get("nom"), _(
                "Several beneficiaries have this name and birth date: the line is left."))
        return None, ("nom", "%s %s" % (cells.get("nom"), cells.get("prenom")), _(
            "No beneficiary has this name and birth date (nor this NIR): the line is left."))

    # ------------------------------------------------------------- writing
    def _write_rows(self, state, rows):
        counts = self._counts()
        Record = self._quiet("cdb.france.travail.record")
        for _line, values in rows:
            if not values["_match"] or values["_match"] == "read" \
                    or values["_hash"] in state["hashes"]:
                counts["unchanged"] += 1
                continue
            partner = self.env["res.partner"].browse(values["_match"])
            notebook = partner.cdb_notebook_ids[:1]
            referent = self._referent(state, values["_cells"], notebook)
            Record.create(self._record_values(state, values, partner, notebook, referent))
            state["hashes"].add(values["_hash"])
            counts["created"] += 1
        return counts

    def _record_values(self, state, values, partner, notebook, referent):
        cells, dates = values["_cells"], values["_dates"]
        rome_ids, unknown = [], []
        for code_key, label_key in (("rome_1", "appelation_rome_1"),
                                    ("rome_2", "appelation_rome_2")):
            code = (cells.get(code_key) or "").upper()
            if code in state["rome"]:
                rome_ids.append(state["rome"][code])
            elif code or cells.get(label_key):
                unknown.append("%s (%s)" % (cells.get(label_key) or "", code))
        difficulties = [label for key, label in self._difficulties()
                        if normalize(cells.get(key) or "") in YES_WORDS]
        return {
            "partner_id": partner.id, "notebook_id": notebook.id or False,
            "job_id": state.get("job_id") or False, "extract_date": state["today"],
            "france_travail_uid": cells.get("identifiant_unique_de") or False,
            "registration_date": dates.get("inscription") or False,
            "category": cells.get("categorie_inscription") or False,
            "reason_code": cells.get("code_motif_inscription") or False,
            "reason": cells.get("motif_inscription") or False,
            "main_structure": cells.get("struct_principale") or False,
            "follow_structure": cells.get("struct_suivi") or False,
            "modality": cells.get("modalite_accompagnement") or False,
            "follow_start": dates.get("suivi_debut") or False,
            "follow_end": dates.get("suivi_fin_prev") or False,
            "last_ppae_interview": dates.get("der_entretien_ppae") or False,
            "last_interview": dates.get("der_entretien") or False,
            "rome_code_ids": [(6, 0, rome_ids)],
            "rome_unknown": ", ".join(unknown) or False,
            "work_axes": ", ".join(filter(None, [
                cells.get("mrech_axetravailprincipal"),
                cells.get("mrech_axetravailsecondaire")])) or False,
            "difficulties": ", ".join(difficulties) or False,
            "brsa": normalize(cells.get("brsa") or "") in YES_WORDS,
            "referent_user_id": referent.id or False,
            "raw_line": values["_raw"], "line_hash": values["_hash"],
        }

    @staticmethod
    def _difficulties():
        """The difficulty columns of the extract and their label."""
        return (("dif_financiere", _("Financial")),
                ("dif_admin_jur", _("Administrative or legal")), ("dif_sante", _("Health")),
                ("dif_logement", _("Housing")), ("dif_transport", _("Transport")),
                ("dif_inser_com", _("Social integration")), ("dif_familiale", _("Family")))

    def _referent(self, state, cells, notebook):
        """The France Travail référent of the line, a member of the carnet:
        a professional matched by e-mail, else created in the agency's
        structure (France Travail – <structure>)."""
        email = (cells.get("referent_mail") or "").lower()
        if not email:
            return self.env["res.users"]
        structure = self._structure(state, cells.get("struct_suivi")
                                    or cells.get("struct_principale"))
        # sudo: users are the administrators'; the référent of the extract is
        # a professional of the carnet de bord, created without password
        users = self.env["res.users"].sudo().with_context(no_reset_password=True,
                                                          active_test=False)
        user = users.search(["|", ("login", "=ilike", email), ("email", "=ilike", email)],
                            limit=1)
        if not user:
            user = users.create({
                "login": email, "email": email,
                "name": " ".join(filter(None, [cells.get("referent_prenom"),
                                               cells.get("referent_nom")])) or email,
                "cdb_structure_id": structure.id or False,
                "groups_id": [(6, 0, [self.env.ref(
                    "carnet_de_bord.group_cdb_professional").id])],
            })
        if not (user.active and user.has_group("carnet_de_bord.group_cdb_professional")):
            return self.env["res.users"]
        if notebook and notebook._cdb_may("invite") and user not in \
                notebook.member_ids.filtered("active").mapped("user_id"):
            notebook._add_member(user, "accompagnateur", structure or None)
        return user

    def _structure(self, state, name):
        if not name:
            return self.env["res.partner"]
        full = STRUCTURE_PREFIX + name
        lookup = state.setdefault("structures",
                                  self.env["cdb.import.column"]._structure_lookup())
        found = lookup.get(normalize(full)) or lookup.get(normalize(name))
        if found:
            return self.env["res.partner"].browse(found)
        structure = self._quiet("res.partner").create({
            "name": full, "is_company": True, "cdb_is_structure": True,
            "country_id": state["france_id"]})
        lookup[normalize(full)] = structure.id
        return structure
