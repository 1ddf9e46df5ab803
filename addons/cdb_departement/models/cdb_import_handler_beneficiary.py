from types import SimpleNamespace

from odoo import SUPERUSER_ID, _, models

from odoo.addons.cdb_base.tools import identity_key

PARTNER_KEYS = (
    "cdb_import_ref", "lastname", "firstname", "birthdate_date", "birth_place", "caf_number",
    "benefit_organism", "france_travail_id", "family_situation", "phone", "mobile", "email",
    "street", "street2", "zip", "city", "rsa_household_resources", "rsa_lump_sum",
    "rsa_has_activity", "rsa_activity_income",
)
SITUATION_KEYS = {
    "situation_family": "family", "situation_housing": "housing",
    "situation_health": "health", "situation_resources": "resources",
    "situation_mobility": "mobility", "situation_employment": "employment",
    "situation_summary": "summary", "diploma_level_id": "diploma_level_id",
    "rome_code_ids": "rome_code_ids",
}
FAST_PATH_PARAM = "cdb_departement.import_fast_path"


class CdbImportHandlerBeneficiary(models.AbstractModel):
    """Beneficiaries with their carnet de bord (issue 6, "dites-le nous une
    fois"): identity, contact, address, CAF/MSA number, RSA rights, the
    carnet's structure, référent and accompagnateurs, the situation
    (education level, ROME jobs sought) and the orientation.

    New beneficiaries are created in bulk (cdb.import.fast.create), existing
    ones are updated through the ORM with the cells that are filled and
    differ. A changed situation or orientation becomes a new version: the
    history is never overwritten."""

    _name = "cdb.import.handler.beneficiary"
    _inherit = "cdb.import.handler"
    _description = "Import of beneficiaries"

    def _prepare(self):
        state = super()._prepare()
        state["beneficiaries"] = self.env["cdb.import.beneficiary.key"]._load_beneficiaries()
        state["partner_name"] = self._partner_name_function()
        state["accompaniment_rule"] = self._accompaniment_rule_function()
        return state

    def _partner_name_function(self):
        """partner_firstname's name of a person, reading the order of the
        names (a parameter) once instead of at each call."""
        partners = self.env["res.partner"]
        order = partners._get_names_order()
        holder = SimpleNamespace(_get_names_order=lambda: order)
        return lambda lastname, firstname: type(partners)._get_computed_name(
            holder, lastname, firstname)

    def _accompaniment_rule_function(self):
        """rsa_orientation's rule of the accompaniment required, applied to
        the values of a new beneficiary (its resources vary on each line)."""
        threshold = self.env["res.partner"]._activity_income_threshold()
        rule = self.env["cdb.import.fast.create"]._model_rule(
            "res.partner", "_rsa_accompaniment_rule",
            ("is_rsa_beneficiary", "rsa_household_resources", "rsa_lump_sum",
             "rsa_has_activity", "rsa_activity_income"), threshold)
        return lambda values: rule(values)[0]

    def _check_row(self, state, line, values):
        keys = self.env["cdb.import.beneficiary.key"]
        errors = keys._duplicate_errors(self, state, line, values)
        match = keys._match(state["beneficiaries"], values)
        errors += keys._conflict_errors(state["beneficiaries"], values)
        errors += self._orientation_errors(values)
        if values.get("orientation_date") and not values.get("orientation_type"):
            errors.append(("orientation_type", "", _(
                "The orientation date needs the orientation.")))
        values["_match"] = match
        return errors

    def _write_rows(self, state, rows):
        new = [values for _line, values in rows if not values["_match"]]
        existing = [values for _line, values in rows if values["_match"]]
        counts = {"created": len(new), "updated": 0, "unchanged": 0}
        if self._use_fast_path():
            self._create_fast(state, new)
        else:
            for values in new:
                self._write_orm(state, values)
        for values in existing:
            partner = self.env["res.partner"].browse(values["_match"])
            changed = self._write_orm(state, values, partner)
            counts["updated" if changed else "unchanged"] += 1
        return counts

    def _use_fast_path(self):
        return self.env["ir.config_parameter"].sudo().get_param(FAST_PATH_PARAM, "1") \
            not in ("0", "False", "false")

    # ------------------------------------------------------------ values
    def _partner_values(self, state, values, create):
        result = {key: values[key] for key in PARTNER_KEYS if key in values}
        if create:
            result.update({"is_rsa_beneficiary": True,
                           "country_id": state["france_id"]})
        return result

    def _notebook_values(self, values):
        result = {}
        for key in ("structure_id", "territory_id"):
            if values.get(key):
                result[key] = values[key]
        if values.get("referent_id"):
            result["referent_id"] = values["referent_id"][0]
        return result

    def _situation_values(self, values):
        return {field: values[key] for key, field in SITUATION_KEYS.items() if key in values}

    def _orientation_values(self, state, values, notebook_id, referent_id):
        if not values.get("orientation_type"):
            return {}
        return {
            "notebook_id": notebook_id,
            "orientation_type": values["orientation_type"],
            "date_decision": values.get("orientation_date") or state["today"],
            "organism_id": values.get("structure_id") or False,
            "referent_id": referent_id or False,
            "basis": "team",
            "state": "decided",
        }

    # --------------------------------------------------------------- ORM
    def _write_orm(self, state, values, partner=None):
        """Create or update one beneficiary and its carnet through the ORM;
        True when something changed."""
        changed = False
        if partner:
            partner_values = self._changed_values(
                partner, self._partner_values(state, values, False))
            if partner_values:
                partner.write(partner_values)
                changed = True
        else:
            partner = self._quiet("res.partner").create(self._partner_values(state, values, True))
            changed = True
        notebook_values = self._notebook_values(values)
        notebook = partner.cdb_notebook_ids[:1]
        if not notebook:
            notebook_values["beneficiary_id"] = partner.id
            notebook = self._quiet("cdb.notebook").create(notebook_values)
            changed = True
        else:
            notebook_values = self._changed_values(notebook, notebook_values)
            referent_id = notebook_values.pop("referent_id", None)
            if referent_id:
                # the référent changes through carnet_de_bord's _set_referent
                notebook._cdb_check("change_referent")
                notebook._set_referent(self.env["res.users"].browse(referent_id))
            if notebook_values:
                notebook.write(notebook_values)
            changed = changed or bool(referent_id or notebook_values)
        changed |= self._add_accompagnateurs(notebook, values.get("accompagnateur_ids") or [])
        changed |= self._new_situation(notebook, self._situation_values(values))
        changed |= self._new_orientation(state, notebook, values)
        return changed

    def _add_accompagnateurs(self, notebook, users):
        members = notebook.member_ids.filtered("active").mapped("user_id").ids
        added = False
        for user_id, _structure_id in users:
            if user_id not in members:
                notebook._add_member(self.env["res.users"].browse(user_id), "accompagnateur")
                added = True
        return added

    def _new_situation(self, notebook, situation_values):
        """A new version of the situation when the file's differs."""
        if not situation_values:
            return False
        current = notebook.situation_ids[:1]
        if current:
            compared = dict(situation_values)
            rome = compared.pop("rome_code_ids", None)
            if not self._changed_values(current, compared) and (
                    rome is None or sorted(current.rome_code_ids.ids) == sorted(rome)):
                return False
        values = dict(situation_values, notebook_id=notebook.id)
        if "rome_code_ids" in values:
            values["rome_code_ids"] = [(6, 0, values["rome_code_ids"])]
        self._quiet("cdb.situation").create(values)
        return True

    def _new_orientation(self, state, notebook, values):
        """A decided orientation when the file's differs from the current
        one; the previous one is replaced (kept in the history)."""
        orientation_values = self._orientation_values(
            state, values, notebook.id, notebook.referent_id.id)
        if not orientation_values:
            return False
        current = notebook.orientation_id
        if current and current.orientation_type == orientation_values["orientation_type"] \
                and current.date_decision == orientation_values["date_decision"]:
            return False
        current.write({"state": "replaced"})
        self._quiet("rsa.orientation").create(orientation_values)
        return True

    # -------------------------------------------------------------- bulk
    def _create_fast(self, state, rows):
        """New beneficiaries, their carnets, members, situations and
        orientations in a few SQL COPY: what ``_write_orm`` creates
        for a new beneficiary (tests/test_import.py compares them)."""
        if not rows:
            return
        fast = self.env["cdb.import.fast.create"]
        partner_ids = fast._reserve_ids("res.partner", len(rows))
        notebook_ids = fast._reserve_ids("cdb.notebook", len(rows))
        partners, notebooks, members, situations, orientations, rome_links = \
            [], [], [], [], [], []
        for values, partner_id, notebook_id in zip(rows, partner_ids, notebook_ids):
            partners.append(self._fast_partner(state, values, partner_id))
            notebook = self._fast_notebook(state, values, partner_id, notebook_id)
            notebooks.append(notebook)
            members.extend(self._fast_members(state, values, notebook))
            situation = self._situation_values(values)
            if situation:
                situation["notebook_id"] = notebook_id
                situations.append(situation)
            orientation = self._orientation_values(
                state, values, notebook_id, notebook.get("referent_id"))
            if orientation:
                orientation["beneficiary_id"] = partner_id
                orientations.append(orientation)
        fast._create("res.partner", partners, computed=(
            "department_code", "partner_share", "commercial_company_name"),
            computed_inputs=("zip", "country_id"),
            row_computed={"rsa_accompaniment_required": state["accompaniment_rule"],
                          # carnet_de_bord's duplicate key, as the ORM computes it
                          "cdb_identity_key": lambda vals: identity_key(
                              vals.get("lastname"), vals.get("firstname"))})
        fast._create("cdb.notebook", notebooks, computed=("next_review_date",),
                     computed_inputs=("date_start", "state", "last_review_date"))
        for member, member_id in zip(members, fast._reserve_ids(
                "cdb.notebook.member", len(members))):
            member["id"] = member_id
        # carnet_de_bord creates memberships as the superuser (cdb.notebook._add_member)
        fast._create("cdb.notebook.member", members,
                     computed=("active_user_id", "active_structure_id"),
                     computed_inputs=("active", "user_id", "structure_id"), uid=SUPERUSER_ID)
        for situation, situation_id in zip(situations, fast._reserve_ids(
                "cdb.situation", len(situations))):
            situation["id"] = situation_id
            rome_links.extend((situation_id, rome) for rome in situation.pop(
                "rome_code_ids", []))
        fast._create("cdb.situation", situations)
        fast._link("cdb.situation", "rome_code_ids", rome_links)
        for orientation, orientation_id in zip(orientations, fast._reserve_ids(
                "rsa.orientation", len(orientations))):
            orientation["id"] = orientation_id
        fast._create("rsa.orientation", orientations,
                     computed=("sphere", "contract_deadline"),
                     computed_inputs=("orientation_type", "date_decision"))

    def _fast_partner(self, state, values, partner_id):
        partner = self._partner_values(state, values, True)
        name = state["partner_name"](partner.get("lastname"), partner.get("firstname"))
        # a person without company is their own commercial partner
        partner.update({"id": partner_id, "name": name, "display_name": name,
                        "commercial_partner_id": partner_id,
                        "commercial_partner_country_id": partner["country_id"]})
        return partner

    def _fast_notebook(self, state, values, partner_id, notebook_id):
        """As cdb.notebook's create: a référent makes the carnet in progress
        from today (carnet_de_bord, ``_sync_referent_member``)."""
        notebook = self._notebook_values(values)
        notebook.update({"id": notebook_id, "beneficiary_id": partner_id})
        if notebook.get("referent_id"):
            notebook.update({"state": "in_progress", "date_start": state["today"]})
        return notebook

    def _fast_members(self, state, values, notebook):
        """The référent (role référent, the carnet's structure or theirs) and
        the accompagnateurs (their own structure), with the sharing choices a
        new member of a new carnet gets (cdb.notebook.member._default_shares)."""
        members = []
        referent = values.get("referent_id")
        if referent:
            members.append(dict(self._fast_member_shares(state, "referent"),
                                notebook_id=notebook["id"], user_id=referent[0],
                                role="referent", active=True, date_start=state["today"],
                                structure_id=notebook.get("structure_id") or referent[1]))
        seen = {referent[0]} if referent else set()
        for user_id, structure_id in values.get("accompagnateur_ids") or []:
            if user_id not in seen:
                seen.add(user_id)
                members.append(dict(self._fast_member_shares(state, "accompagnateur"),
                                    notebook_id=notebook["id"], user_id=user_id,
                                    role="accompagnateur", active=True,
                                    date_start=state["today"], structure_id=structure_id))
        return members

    def _fast_member_shares(self, state, role):
        """Sharing flags of a new member with ``role`` (no choice can exist
        yet for a carnet being created), computed once per import."""
        cache = state.setdefault("member_shares", {})
        if role not in cache:
            Member = self.env["cdb.notebook.member"]
            shares = Member._default_shares({"role": role})
            if role == "referent":
                shares.update(Member._referent_shares({}))
            cache[role] = shares
        return cache[role]
