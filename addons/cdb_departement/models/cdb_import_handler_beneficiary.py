from types import SimpleNamespace

from odoo import SUPERUSER_ID, _, models

from odoo.addons.cdb_base.tools import identity_key
from odoo.addons.rsa_orientation.settings import ACTIVITY_INCOME_THRESHOLD

from ..settings import IMPORT_FAST_PATH

PARTNER_KEYS = (
    "cdb_import_ref", "lastname", "firstname", "birthdate_date", "birth_place", "caf_number",
    "benefit_organism", "france_travail_id", "family_situation", "phone", "mobile", "email",
    "street", "street2", "zip", "city", "rsa_household_resources", "rsa_lump_sum",
    "rsa_has_activity", "rsa_activity_income",
)
SITUATION_KEYS = {
    "situation_family": "family", "situation_housing": "housing",
    "situation_resources": "resources", "situation_mobility": "mobility",
    "situation_employment": "employment", "situation_summary": "summary",
    "diploma_level_id": "diploma_level_id", "rome_code_ids": "rome_code_ids",
}
# The column "Situation : santé" goes to the health details (cdb.health),
# read by the beneficiary and whom they share them with, not the situation.
HEALTH_KEY = "situation_health"


class CdbImportHandlerBeneficiary(models.AbstractModel):
    """Beneficiaries with their carnet de bord (issue 6, "dites-le nous une
    fois"): identity, contact, address, CAF/MSA number, RSA rights, the
    carnet's structure, référent and accompagnateurs, the situation
    (education level, ROME jobs sought), the health details and the
    orientation.

    One set of values for both ways of creating a beneficiary: the
    ``_*_values`` methods build what is created, through the ORM
    (``_write_orm``: existing beneficiaries, or every one when the fast path
    is off) or in bulk (``_create_fast``: SQL COPY of the same values,
    completed by the models' own defaults, sharing choices and stored
    computed fields; tests/test_import_parity.py compares both). Existing
    ones are updated with the cells that are filled and differ; a changed
    situation, health or orientation becomes a new version: the history is
    never overwritten."""

    _name = "cdb.import.handler.beneficiary"
    _inherit = "cdb.import.handler"
    _description = "Import of beneficiaries"

    def _prepare(self):
        state = super()._prepare()
        state["beneficiaries"] = self.env["cdb.import.beneficiary.key"]._load_beneficiaries()
        state["partner_name"] = self._partner_name_function()
        state["accompaniment_rule"] = self._accompaniment_rule_function()
        state["rights_duties_rule"] = self._rights_duties_rule_function()
        state["territories"] = self._creation_territories()
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
        threshold = ACTIVITY_INCOME_THRESHOLD.get(self.env)
        rule = self.env["cdb.import.fast.create"]._model_rule(
            "res.partner", "_rsa_accompaniment_rule",
            ("is_rsa_beneficiary", "rsa_household_resources", "rsa_lump_sum",
             "rsa_has_activity", "rsa_activity_income"), threshold)
        return lambda values: rule(values)[0]

    def _rights_duties_rule_function(self):
        """rsa_orientation's one definition of the droits et devoirs status
        (res.partner ``_rsa_rights_duties_rule``) on the values of a new
        beneficiary: (subject, since, source)."""
        return self.env["cdb.import.fast.create"]._model_rule(
            "res.partner", "_rsa_rights_duties_rule",
            ("is_rsa_beneficiary", "rsa_flux_rights_duties", "rsa_flux_rights_duties_date",
             "rsa_accompaniment_required", "rsa_entry_date"))

    def _creation_territories(self):
        """The territories a manager limited to some may create carnets in
        (the carnets' record rule), None when not limited."""
        user = self.env.user
        if self.env.uid == SUPERUSER_ID or user.has_group("carnet_de_bord.group_cdb_admin") \
                or not user.cdb_territory_ids:
            return None
        return user.cdb_territory_ids

    # ------------------------------------------------------------ checks
    def _check_row(self, state, line, values):
        keys = self.env["cdb.import.beneficiary.key"]
        errors = keys._duplicate_errors(self, state, line, values)
        errors += keys._conflict_errors(state["beneficiaries"], values)
        match = keys._match(state["beneficiaries"], values)
        errors += self._orientation_errors(values)
        if values.get("orientation_date") and not values.get("orientation_type"):
            errors.append(("orientation_type", "", _(
                "The orientation date needs the orientation.")))
        if not match:
            errors += self._territory_errors(state, values)
            errors += self._policy_errors(state, values)
        values["_match"] = match
        return errors

    def _policy_errors(self, state, values):
        """What the access policy asks of whom creates a carnet with this
        line (on both paths: the bulk creation must not do what the ORM
        would refuse): the référent is designated by a delegate of the
        Président du Conseil départemental ("change_referent"), the health
        details are written by who may contribute to the carnet."""
        errors = []
        if values.get("referent_id") and not self._may(state, "change_referent", values):
            errors.append(("referent_id", "", _(
                "You may not designate the référent of a carnet: a delegate of the "
                "département does (a manager, or a correspondant of its territory).")))
        if values.get(HEALTH_KEY) and not self._may(state, "contribute", values):
            errors.append((HEALTH_KEY, "", _(
                "You may not write in this carnet: its health details are not imported.")))
        return errors

    def _may(self, state, permission, values):
        """The policy's answer for an in-memory carnet of the line's
        territory (once per territory and permission)."""
        answers = state.setdefault("policy", {})
        key = (permission, values.get("territory_id") or False)
        if key not in answers:
            # sudo: the policy reads the in-memory carnet as the superuser (a
            # new record's values are cached per user); it decides for the
            # importing user
            notebook = self.env["cdb.notebook"].sudo().new({"territory_id": key[1]})
            answers[key] = notebook._cdb_may(permission, user=self.env.user)
        return answers[key]

    def _territory_errors(self, state, values):
        """A manager limited to territories creates carnets in them only
        (the rule the ORM applies; the bulk creation must not get round it)."""
        territories = state["territories"]
        if territories is None or values.get("territory_id") in territories.ids:
            return []
        return [("territory_id", "", _(
            "You may create carnets in your territories only (%s): give one of them.")
            % ", ".join(territories.mapped("name")))]

    # ----------------------------------------------------------- writing
    def _write_rows(self, state, rows):
        new = [values for _line, values in rows if not values["_match"]]
        existing = [values for _line, values in rows if values["_match"]]
        counts = self._counts()
        counts["created"] = len(new)
        if IMPORT_FAST_PATH.get(self.env):
            self._create_fast(state, new)
        else:
            for values in new:
                self._write_orm(state, values)
        for values in existing:
            partner = self.env["res.partner"].browse(values["_match"])
            changed = self._write_orm(state, values, partner)
            counts["updated" if changed else "unchanged"] += 1
        return counts

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

    @staticmethod
    def _health_values(values):
        return {"description": values[HEALTH_KEY]} if values.get(HEALTH_KEY) else {}

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
        True when something changed (the health details are not counted:
        the importer may not read them, the counts must not tell)."""
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
            if "referent_id" in notebook_values:
                structure = notebook_values.pop("structure_id", None)
                self._assign_referent(
                    notebook, self.env["res.users"].browse(notebook_values.pop("referent_id")),
                    None if structure is None else self.env["res.partner"].browse(structure))
                changed = True
            if notebook_values:
                notebook.write(notebook_values)
            changed = changed or bool(notebook_values)
        changed |= self._add_accompagnateurs(notebook, values.get("accompagnateur_ids") or [])
        changed |= self._new_situation(notebook, self._situation_values(values))
        self._new_health(notebook, self._health_values(values))
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

    def _new_health(self, notebook, health_values):
        """A new version of the health details when the file's differs from
        the current one."""
        if not health_values:
            return
        notebook._cdb_check("contribute")
        # sudo: the policy lets the importer contribute to this carnet; the
        # health details are an allow-list they are not on: they write the
        # file's details without reading them (compared here, never shown)
        health = self._quiet("cdb.health").sudo()
        current = health.search([("notebook_id", "=", notebook.id)], limit=1)
        if current.description != health_values["description"]:
            health.create(dict(health_values, notebook_id=notebook.id))

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
        # rsa_orientation replaces the current one (its state changes only
        # through its actions)
        orientation_values.pop("state")
        self._quiet("rsa.orientation")._create_decided(orientation_values)
        return True

    # -------------------------------------------------------------- bulk
    def _create_fast(self, state, rows):
        """New beneficiaries, their carnets, members, situations, health
        details and orientations in a few SQL COPY: the values of
        ``_write_orm`` for a new beneficiary, what the models add on create
        (cdb.notebook: the référent's membership; cdb.notebook.member: the
        sharing choices and the rule cache), nothing the ORM's checks
        would refuse (the lines are validated, the rights checked here)."""
        if not rows:
            return
        self._check_bulk_rights()
        fast = self.env["cdb.import.fast.create"]
        partner_ids = fast._reserve_ids("res.partner", len(rows))
        notebook_ids = fast._reserve_ids("cdb.notebook", len(rows))
        records = {"partners": [], "notebooks": [], "members": [], "situations": [],
                   "health": [], "orientations": []}
        for values, partner_id, notebook_id in zip(rows, partner_ids, notebook_ids):
            self._fast_records(state, values, partner_id, notebook_id, records)
        fast._create("res.partner", records["partners"], computed=(
            "department_code", "partner_share", "commercial_company_name"),
            computed_inputs=("zip", "country_id"),
            row_computed=self._fast_partner_row_computed(state))
        fast._create("cdb.notebook", records["notebooks"], computed=("next_review_date",),
                     computed_inputs=("date_start", "state", "last_review_date"))
        self._create_fast_members(records["members"])
        self._create_fast_situations(records["situations"])
        # cdb.health is created in sudo by the ORM path (_new_health)
        self._create_fast_children("cdb.health", records["health"], uid=SUPERUSER_ID)
        Orientation = self.env["rsa.orientation"]
        self._create_fast_children("rsa.orientation", records["orientations"],
                                   computed=Orientation._fast_computed_fields(),
                                   computed_inputs=Orientation._fast_computed_inputs())

    def _check_bulk_rights(self):
        """The access rights the ORM would check on each create (the record
        rules are those of ``_territory_errors``)."""
        for model_name in ("res.partner", "cdb.notebook", "cdb.situation", "rsa.orientation"):
            self.env[model_name].check_access_rights("create")

    def _fast_records(self, state, values, partner_id, notebook_id, records):
        records["partners"].append(self._fast_partner(state, values, partner_id))
        notebook = self._fast_notebook(state, values, partner_id, notebook_id)
        records["notebooks"].append(notebook)
        records["members"].extend(self._fast_members(values, notebook))
        situation = self._situation_values(values)
        if situation:
            records["situations"].append(dict(situation, notebook_id=notebook_id))
        health = self._health_values(values)
        if health:
            records["health"].append(dict(health, notebook_id=notebook_id))
        orientation = self._orientation_values(
            state, values, notebook_id, notebook.get("referent_id"))
        if orientation:
            records["orientations"].append(dict(orientation, beneficiary_id=partner_id))

    def _fast_partner_row_computed(self, state):
        """The stored computed fields of a partner that differ on each line."""
        row_computed = {"rsa_accompaniment_required": state["accompaniment_rule"]}
        rights, last = state["rights_duties_rule"], {}

        def rights_of(values, position):
            """The rule once per row, for its three fields."""
            if last.get("values") is not values:
                last.update(values=values, result=rights(values))
            return last["result"][position]
        for position, name in enumerate(("rsa_rights_duties", "rsa_rights_duties_date",
                                         "rsa_rights_duties_source")):
            row_computed[name] = lambda values, i=position: rights_of(values, i)
        row_computed["cdb_identity_key"] = lambda values: identity_key(
            values.get("lastname"), values.get("firstname"))
        return row_computed

    def _create_fast_children(self, model_name, vals_list, **options):
        fast = self.env["cdb.import.fast.create"]
        for vals, record_id in zip(vals_list, fast._reserve_ids(model_name, len(vals_list))):
            vals["id"] = record_id
        fast._create(model_name, vals_list, **options)

    def _create_fast_members(self, members):
        """The memberships, as ``_write_orm`` makes them through
        cdb.notebook._add_member (cdb.import.fast.members)."""
        self.env["cdb.import.fast.members"]._create(members, self._quiet("cdb.notebook"))

    def _create_fast_situations(self, situations):
        """The situations, then their ROME codes (a relation, no column)."""
        rome_codes = [situation.pop("rome_code_ids", []) for situation in situations]
        self._create_fast_children("cdb.situation", situations)
        rome_links = [(situation["id"], rome)
                      for situation, codes in zip(situations, rome_codes) for rome in codes]
        self.env["cdb.import.fast.create"]._link("cdb.situation", "rome_code_ids", rome_links)

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

    @staticmethod
    def _fast_members(values, notebook):
        """The référent (the carnet's structure or theirs) and the
        accompagnateurs (their own structure), in the order of ``_write_orm``."""
        members = []
        referent = values.get("referent_id")
        if referent:
            members.append({"notebook_id": notebook["id"], "user_id": referent[0],
                            "role": "referent",
                            "structure_id": notebook.get("structure_id") or referent[1]})
        seen = {referent[0]} if referent else set()
        for user_id, structure_id in values.get("accompagnateur_ids") or []:
            if user_id not in seen:
                seen.add(user_id)
                members.append({"notebook_id": notebook["id"], "user_id": user_id,
                                "role": "accompagnateur", "structure_id": structure_id})
        return members
