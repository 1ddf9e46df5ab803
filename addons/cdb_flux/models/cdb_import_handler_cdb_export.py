import json

from odoo import _, models

from odoo.addons.cdb_base.tools import format_date
from odoo.addons.cdb_departement.models.cdb_import_reader import normalize, parse_date

from .cdb_import_handler_caf_flux import FluxFileError
from .cdb_migration_values import (EDUCATION_LEVELS, right_label, work_situation_label)

# The themes (focuses) of the public Carnet de bord service -> the themes of
# our catalogue of insertion actions (guide, Annexe 6: A … J).
THEMES = {
    "logement": "A", "sante": "B", "contraintes_familiales": "C", "parentalite": "C",
    "difficulte_financiere": "D", "budget": "D", "isolement": "E", "formation": "F",
    "maitrise_langue": "F", "numerique": "F", "emploi": "G", "choisir_un_metier": "G",
    "preparer_sa_candidature": "G", "trouver_un_emploi": "G", "creer_une_entreprise": "H",
    "mobilite": "I", "difficulte_administrative": "J", "acces_aux_droits": "J",
}
TARGET_STATES = {"in_progress": "validated", "closed": "achieved", "done": "achieved",
                 "abandonned": "abandoned", "abandoned": "abandoned"}
ACTION_STATES = {"in_progress": "in_progress", "planned": "planned", "done": "done",
                 "canceled": "abandoned", "cancelled": "abandoned", "abandonned": "abandoned",
                 "abandoned": "abandoned", "standby": "planned"}
REQUIRED = ("firstname", "lastname", "date_of_birth")


class CdbImportHandlerCdbExport(models.AbstractModel):
    """The carnet export of the public Carnet de bord service
    (``export_notebook.json``, one list of carnets): for each, the
    beneficiary (found by CAF number or name and birth date, else created),
    their rights, education level, jobs sought and work situation (a new
    version of the carnet's situation), the focuses (themes) and their
    targets as objectives, the actions mapped to our catalogue of codified
    actions when the label matches one of its themes' actions, else kept as
    text on their objective. What cannot be taken (members without
    identity, the contract, unknown themes, free actions) is listed in the
    job's report message: taken, mapped, left (readme/FLUX.rst)."""

    _name = "cdb.import.handler.cdb_export"
    _inherit = "cdb.flux.stream.handler"
    _description = "Import of the carnets of the public Carnet de bord service"

    def _load(self, path):
        try:
            with open(path, "rb") as source:
                data = json.loads(source.read().decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            raise FluxFileError(_("The file is not the JSON export of the Carnet de bord "
                                  "(a list of carnets)."))
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise FluxFileError(_("The file is not the JSON export of the Carnet de bord "
                                  "(a list of carnets)."))
        return data

    def _stream_count(self, path):
        try:
            return len(self._load(path))
        except FluxFileError:
            return 0

    def _stream_prepare(self, job, path):
        state = super()._stream_prepare(job, path)
        state["carnets"] = self._load(path)
        state["beneficiaries"] = self.env["cdb.import.beneficiary.key"]._load_beneficiaries()
        codes = self.env["cdb.action.code"].search([])
        state["themes"] = {code.code: code for code in codes.filtered("is_theme")}
        state["actions"] = {}
        for code in codes.filtered(lambda c: not c.is_theme):
            state["actions"].setdefault((code.theme_id.code, normalize(code.name)), code)
        state["rome"] = {r["code"].upper(): r["id"] for r in self.env["cdb.rome.code"].with_context(
            active_test=False).search_read([], ["code"])}
        state["levels"] = {level["code"]: level["id"] for level in
                           self.env["cdb.diploma.level"].search_read([], ["code"])}
        state["report"] = {"taken": [], "mapped": [], "left": []}
        return state

    def _stream_validate(self, job, state, path, commit):
        job._workflow_write({"rows_total": len(state["carnets"])})
        valid, errors = [], []
        for index, carnet in enumerate(state["carnets"], 1):
            beneficiary = carnet.get("beneficiary") or {}
            carnet_errors = []
            for key in REQUIRED:
                if not beneficiary.get(key):
                    carnet_errors.append((index, key, "", _("Required value missing.")))
            birth = beneficiary.get("date_of_birth")
            if birth and not parse_date(str(birth)):
                carnet_errors.append((index, "date_of_birth", str(birth), _("Invalid date.")))
            if carnet_errors:
                errors += carnet_errors
            else:
                valid.append((index, None))
        job._workflow_write({"rows_done": len(state["carnets"])})
        return valid, errors

    def _stream_iter(self, state, path):
        for index, carnet in enumerate(state["carnets"], 1):
            yield index, carnet

    def _stream_stop(self, state):
        result = super()._stream_stop(state)
        job = state.get("job")
        if job and state.get("report") and any(state["report"].values()):
            job.message_post(body=self._report_html(state["report"]))
        return result

    # ------------------------------------------------------------- writing
    def _write_rows(self, state, rows):
        counts = self._counts()
        for index, carnet in self._entries(state, rows):
            counts[self._write_carnet(state, index, carnet)] += 1
        return counts

    def _write_carnet(self, state, index, carnet):
        beneficiary = carnet["beneficiary"]
        name = "%s %s" % (beneficiary.get("firstname"), beneficiary.get("lastname"))
        label = _("Carnet %d (%s)") % (index, name)
        partner, created = self._beneficiary(state, beneficiary, label)
        notebook = partner.cdb_notebook_ids[:1]
        if not notebook:
            notebook = self._quiet("cdb.notebook").create({"beneficiary_id": partner.id})
            created = True
        elif notebook.objective_ids and not created:
            state["report"]["left"].append(_("%s: the carnet already has objectives: its "
                                             "plan is not imported again.") % label)
            return "unchanged"
        state["report"]["taken"].append(label)
        self._situation(state, notebook, carnet, label)
        for focus in carnet.get("focuses") or []:
            self._focus(state, notebook, focus, label)
        for member in carnet.get("members") or []:
            state["report"]["left"].append(_(
                "%s: member \"%s\" (%s) without identity in the export: not taken.") % (
                label, member.get("member_type") or "?",
                _("active") if member.get("active") else _("inactive")))
        if carnet.get("contract_type"):
            state["report"]["left"].append(_(
                "%s: contract %s signed on %s, from %s to %s: kept in the situation's "
                "summary, to be entered as a contract.") % (
                label, carnet["contract_type"], carnet.get("contract_sign_date") or "-",
                carnet.get("contract_start_date") or "-", carnet.get("contract_end_date") or "-"))
        return "created" if created else "updated"

    def _beneficiary(self, state, beneficiary, label):
        values = {
            "lastname": beneficiary["lastname"], "firstname": beneficiary["firstname"],
            "birthdate_date": parse_date(str(beneficiary["date_of_birth"])),
            "caf_number": (beneficiary.get("caf_number") or "").replace(" ", ""),
        }
        keys = self.env["cdb.import.beneficiary.key"]
        if values["caf_number"] and keys._conflict_errors(state["beneficiaries"], values):
            state["report"]["left"].append(_(
                "%s: the CAF number %s belongs to another beneficiary: not taken.") % (
                label, values["caf_number"]))
            values["caf_number"] = ""
        match = keys._match(state["beneficiaries"], values)
        if match:
            return self.env["res.partner"].browse(match), False
        partner_values = {
            "lastname": values["lastname"], "firstname": values["firstname"],
            "birthdate_date": values["birthdate_date"], "is_rsa_beneficiary": True,
            "birth_place": beneficiary.get("place_of_birth") or False,
            "email": beneficiary.get("email") or False,
            "mobile": beneficiary.get("mobile_number") or False,
            "street": beneficiary.get("address1") or False,
            "street2": beneficiary.get("address2") or False,
            "zip": beneficiary.get("postal_code") or False,
            "city": beneficiary.get("city") or False,
            "france_travail_id": beneficiary.get("pe_number") or False,
            "country_id": state["france_id"],
        }
        caf = values["caf_number"]
        if caf and caf.isdigit() and 7 <= len(caf) <= 13:
            partner_values["caf_number"] = caf
        elif caf:
            state["report"]["left"].append(_("%s: CAF number \"%s\" is not 7 to 13 digits: not "
                                             "taken.") % (label, caf))
        partner = self._quiet("res.partner").create(partner_values)
        keys = state["beneficiaries"]
        caf = partner_values.get("caf_number")
        if partner_values.get("caf_number"):
            keys["caf"][caf] = partner.id
        person = self.env["cdb.import.beneficiary.key"]._person(
            values["lastname"], values["firstname"], values["birthdate_date"])
        if person:
            keys["identity"].setdefault(person, {})[partner.department_code or False] = partner.id
            keys["person"][partner.id] = person
        return partner, True

    def _situation(self, state, notebook, carnet, label):
        beneficiary = carnet["beneficiary"]
        resources = []
        if beneficiary.get("right_rsa"):
            resources.append(_("RSA: %s") % (right_label(beneficiary["right_rsa"])
                                             or beneficiary["right_rsa"]))
        for key, name in (("right_are", "ARE"), ("right_ass", "ASS"),
                          ("right_bonus", _("Activity bonus"))):
            if beneficiary.get(key) is not None:
                resources.append("%s: %s" % (name, _("yes") if beneficiary[key] else _("no")))
        summary = []
        if carnet.get("right_rqth") is not None:
            summary.append(_("RQTH: %s") % (_("yes") if carnet["right_rqth"] else _("no")))
        if carnet.get("contract_type"):
            summary.append(_("Contract %s signed on %s") % (
                carnet["contract_type"], format_date(carnet.get("contract_sign_date")) or "-"))
        values = {"notebook_id": notebook.id, "reason": _("Migration from the public "
                                                          "Carnet de bord service")}
        if resources:
            values["resources"] = "; ".join(resources)
        if summary:
            values["summary"] = "; ".join(summary)
        situation = carnet.get("work_situation")
        if situation:
            values["employment"] = work_situation_label(situation) or situation
        level = EDUCATION_LEVELS.get((carnet.get("education_level") or "").lower())
        if level in state["levels"]:
            values["diploma_level_id"] = state["levels"][level]
        rome = []
        for project in carnet.get("professional_projects") or []:
            code = ((project.get("rome_code") or {}).get("code") or "").upper()
            if code in state["rome"]:
                rome.append(state["rome"][code])
            elif code:
                state["report"]["left"].append(_("%s: unknown ROME code %s.") % (label, code))
        if rome:
            values["rome_code_ids"] = [(6, 0, sorted(set(rome)))]
        self._quiet("cdb.situation").create(values)

    def _focus(self, state, notebook, focus, label):
        theme_key = normalize(focus.get("theme") or "")
        theme = state["themes"].get(THEMES.get(theme_key))
        if not theme:
            state["report"]["left"].append(_(
                "%s: unknown theme \"%s\": its targets are kept as objectives, their actions "
                "as text.") % (label, focus.get("theme") or ""))
        for target in focus.get("targets") or []:
            self._target(state, notebook, theme, focus, target, label)

    def _target(self, state, notebook, theme, focus, target, label):
        objective = self._quiet("cdb.objective").create({
            "notebook_id": notebook.id, "name": target.get("target") or focus.get("theme"),
            "state": TARGET_STATES.get(target.get("status"), "proposed"),
        })
        free = []
        for action in target.get("actions") or []:
            code = theme and state["actions"].get((theme.code, normalize(action.get("action"))))
            if not code:
                free.append(action.get("action") or "")
                state["report"]["left"].append(_(
                    "%s: action \"%s\" matches no codified action: kept as text on the "
                    "objective \"%s\".") % (label, action.get("action"), objective.name))
                continue
            start = parse_date(str(action.get("created_at") or "")) or state["today"]
            end = parse_date(str(action.get("updated_at") or "")) or start
            self._quiet("cdb.action").create({
                "notebook_id": notebook.id, "objective_id": objective.id,
                "action_code_id": code.id, "date_start": start, "date_deadline": max(start, end),
                "state": ACTION_STATES.get(action.get("status"), "planned"),
            })
            state["report"]["mapped"].append(_("%s: action \"%s\" → %s") % (
                label, action.get("action"), code.display_name))
        if free:
            objective.write({"description": _("Actions of the former carnet:\n%s") % "\n".join(
                "- %s" % item for item in free)})

    @staticmethod
    def _report_html(report):
        titles = (("taken", _("Taken")), ("mapped", _("Mapped to the catalogue")),
                  ("left", _("Left or kept as text")))
        parts = []
        for key, title in titles:
            items = report[key]
            parts.append("<p><b>%s (%d)</b></p><ul>%s</ul>" % (
                title, len(items), "".join("<li>%s</li>" % _escape(item) for item in items)))
        return "".join(parts)


def _escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
