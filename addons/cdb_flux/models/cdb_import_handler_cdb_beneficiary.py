from odoo import _, models

from odoo.addons.carnet_de_bord.models.res_partner import normalize_nir

from .cdb_migration_values import (EDUCATION_LEVELS, right_label, rome_codes, split_cell,
                                   work_situation_label, yes_no)


class CdbImportHandlerCdbBeneficiary(models.AbstractModel):
    """The beneficiaries template of the public Carnet de bord service
    (``import_beneficiaires.csv``) as its users filled it: each cell is
    recognised (rights codes, NV levels, "Oui"/"Non", ROME as "label
    (code)", several phones in a cell), then the line is imported as a line
    of our beneficiaries import (same matching, same creation path). The
    rights and the RQTH go to the carnet's situation, in French."""

    _name = "cdb.import.handler.cdb_beneficiary"
    _inherit = "cdb.import.handler.beneficiary"
    _description = "Import of the beneficiaries of the public Carnet de bord service"

    def _prepare(self):
        state = super()._prepare()
        state["rome"] = {r["code"].upper(): r["id"] for r in self.env["cdb.rome.code"].with_context(
            active_test=False).search_read([], ["code"])}
        levels = self.env["cdb.diploma.level"].search_read([], ["code"])
        state["levels"] = {level["code"]: level["id"] for level in levels}
        return state

    def _check_row(self, state, line, values):
        errors = self._translate(state, values)
        return errors + super()._check_row(state, line, values)

    def _translate(self, state, values):
        """Our columns' values from the service's; [(key, value, reason)]."""
        self._share_caf_number(state, values)
        self._translate_phones(values)
        errors = self._translate_nir(values)
        errors += self._translate_rights(values)
        errors += self._translate_rqth(values)
        self._translate_situation(values)
        errors += self._translate_rome(state, values)
        errors += self._translate_level(state, values)
        return errors

    @staticmethod
    def _translate_phones(values):
        phones = split_cell(values.pop("phones", ""))
        if phones:
            values["phone"] = phones[0]
        if len(phones) > 1:
            values["mobile"] = phones[1]

    @staticmethod
    def _translate_nir(values):
        nir = values.get("nir")
        if not nir:
            return []
        values["nir"] = normalize_nir(nir)
        return [] if values["nir"] else [("nir", nir, _("Invalid NIR."))]

    def _translate_rights(self, values):
        """The rights (RSA, ARE, ASS, activity bonus) in the situation's
        resources, in French."""
        errors, resources = [], []
        right = values.pop("rsa_right", None)
        if right:
            label = right_label(right)
            if not label:
                errors.append(("rsa_right", right, _("Unknown RSA right code.")))
            resources.append(_("RSA: %s") % (label or right))
        for key, label in (("right_are", "ARE"), ("right_ass", "ASS"),
                           ("right_bonus", _("Activity bonus"))):
            text = values.pop(key, None)
            if not text:
                continue
            answer = yes_no(text)
            if answer is None:
                errors.append((key, text, _("Expected \"Oui\" or \"Non\".")))
            resources.append("%s: %s" % (label, _("yes") if answer else _("no")))
        if resources:
            values["situation_resources"] = "; ".join(resources)
        return errors

    @staticmethod
    def _translate_rqth(values):
        rqth = values.pop("rqth", None)
        if not rqth:
            return []
        answer = yes_no(rqth)
        values["situation_summary"] = _("RQTH: %s") % (_("yes") if answer else _("no"))
        return [] if answer is not None else [
            ("rqth", rqth, _("Expected \"Oui\" or \"Non\"."))]

    @staticmethod
    def _translate_situation(values):
        mobility = values.pop("mobility", None)
        if mobility:
            values["situation_mobility"] = _("Mobility zone: %s km") % mobility
        situation = values.pop("work_situation", None)
        if situation:
            values["situation_employment"] = work_situation_label(situation) or situation

    @staticmethod
    def _translate_level(state, values):
        level = values.pop("education_level", None)
        if not level:
            return []
        code = EDUCATION_LEVELS.get(level.strip().lower())
        if not code or code not in state["levels"]:
            return [("education_level", level, _("Unknown education level."))]
        values["diploma_level_id"] = state["levels"][code]
        return []

    def _share_caf_number(self, state, values):
        """The service gave the household's CAF number to each of its
        beneficiaries; ours is one person's: it stays on the first line of
        the file that gives it (the duplicate rule of the beneficiaries)."""
        caf = values.get("caf_number")
        if not caf:
            return
        person = self.env["cdb.import.beneficiary.key"]._line_person(values)
        first = state.setdefault("caf_persons", {}).setdefault(caf, person)
        if first != person:
            values.pop("caf_number")

    def _translate_rome(self, state, values):
        text = values.pop("rome_labelled", None)
        if not text:
            return []
        ids, unknown = [], []
        for code, label in rome_codes(text):
            if code in state["rome"]:
                ids.append(state["rome"][code])
            else:
                unknown.append(label or code)
        if unknown:
            return [("rome_labelled", text, _("Unknown ROME code(s): %s.") % ", ".join(
                item for item in unknown if item))]
        values["rome_code_ids"] = sorted(set(ids))
        return []

    def _partner_values(self, state, values, create):
        result = super()._partner_values(state, values, create)
        if values.get("nir"):
            result["nir"] = values["nir"]
        return result
