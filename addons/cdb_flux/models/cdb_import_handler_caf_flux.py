import os

from odoo import _, models
from odoo.tools import config

from odoo.addons.carnet_de_bord.models.res_partner import CAF_NUMBER_RE, normalize_nir
from odoo.addons.cdb_base.tools import identity_key
from odoo.addons.cdb_departement.models.cdb_import_reader import FileFormatError
from odoo.addons.cdb_departement.settings import IMPORT_CHUNK_SIZE
from odoo.addons.rsa_orientation.models.rsa_household import RIGHT_STATE_CODES
from odoo.addons.rsa_orientation.models.rsa_household_member import HOUSEHOLD_ROLES

from ..settings import CAF_CREATE_NOTEBOOKS, CAF_XSD_PATH
from .caf_flux_reader import FluxError, count_households, iter_flux, load_schema

ORGANISMS = {"CAF": "caf", "MSA": "msa"}
# The roles of the persons who are RSA beneficiaries (their own record,
# orientation and carnet): the applicant and their spouse.
BENEFICIARY_ROLES = ("DEM", "CJT")
ROLE_CODES = {code for code, _label in HOUSEHOLD_ROLES}
# SITFAM of the flux -> family situation of the beneficiary.
FAMILY_SITUATIONS = {
    "CEL": "single", "ISO": "single", "MAR": "married", "PAC": "pacs", "VIM": "cohabiting",
    "SEP": "separated", "SEF": "separated", "SEL": "separated", "RPA": "separated",
    "DIV": "divorced", "VEU": "widowed",
}
# The schema beside the project (the reference copy of the exchange formats).
REFERENCE_XSD = os.path.join("..", "shared", "formats", "caf-msa", "vrsb0801.xsd")
_SCHEMAS = {}


class FluxFileError(FileFormatError):
    """The flux cannot be imported at all; ``errors`` are report lines."""

    def __init__(self, message, errors=()):
        super().__init__(message)
        self.errors = list(errors)


class CdbImportHandlerCafFlux(models.AbstractModel):
    """The CAF/MSA flux bénéficiaires du RSA (VRSB0801, readme/FLUX.rst): the
    file is validated against the published schema while it is read, every
    household checked (NIR, a NIR already known for another person, the
    same household twice), then each household is created or updated:
    ``rsa.household`` with its members and roles, the persons (res.partner:
    identity, NIR, RSA since, droits et devoirs flag of the flux, address,
    resources), and a carnet for each person subject to rights and duties
    (setting). Each household keeps what each flux said
    (``rsa.household.history``): the same flux read again writes nothing, a
    flux older than the newest applied is recorded, not applied. New
    records are written in bulk (cdb.import.fast.create, the ORM's values),
    existing ones through the ORM."""

    _name = "cdb.import.handler.caf_flux"
    _inherit = "cdb.flux.stream.handler"
    _description = "Import of the CAF/MSA flux"

    # ----------------------------------------------------------- preparing
    def _stream_count(self, path):
        return count_households(path)

    def _schema_path(self):
        candidates = [CAF_XSD_PATH.get(self.env), config.get("cdb_caf_xsd_path")]
        addons = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        candidates.append(os.path.join(os.path.dirname(addons), REFERENCE_XSD))
        for path in candidates:
            if path and os.path.isfile(path):
                return path
        return None

    def _schema(self):
        path = self._schema_path()
        if not path:
            raise FluxFileError(_(
                "The schema of the CAF/MSA flux (vrsb0801.xsd) is not found: give its path "
                "in the settings (Flux CAF/MSA) or in odoo.conf (cdb_caf_xsd_path)."))
        if path not in _SCHEMAS:
            _SCHEMAS[path] = load_schema(path)
        return _SCHEMAS[path]

    def _stream_prepare(self, job, path):
        self._check_importer()
        state = super()._stream_prepare(job, path)
        beneficiary_handler = self.env["cdb.import.handler.beneficiary"]
        state.update({
            "schema": self._schema(),
            "partner_name": beneficiary_handler._partner_name_function(),
            "accompaniment_rule": beneficiary_handler._accompaniment_rule_function(),
            "rights_duties_rule": beneficiary_handler._rights_duties_rule_function(),
            "create_notebooks": CAF_CREATE_NOTEBOOKS.get(self.env),
            "header": {},
        })
        return state

    def _check_importer(self):
        """The flux is imported by who reads the NIR and creates carnets in
        the whole département (a manager without territories, an
        administrator)."""
        user = self.env.user
        if not self.env["res.partner"]._cdb_may_read_nir():
            raise FluxFileError(_("Importing the CAF/MSA flux needs the right to read the NIR."))
        if user.cdb_territory_ids and not user.has_group("carnet_de_bord.group_cdb_admin"):
            raise FluxFileError(_(
                "The CAF/MSA flux covers the whole département: a manager limited to "
                "territories may not import it."))

    def _load_persons(self, state, households):
        """The known persons the households of a batch may be (by NIR, by
        name and birth date) and the CAF numbers they may take, read from
        the database for this batch only: the memory does not grow with the
        number of beneficiaries (``state["persons"]``)."""
        nirs, keys, numbers = set(), set(), set()
        for values in households:
            numbers.add((values["matricule"] or "")[:7])
            for person in values["persons"]:
                if person["nir"]:
                    nirs.add(person["nir"])
                keys.add(self._identity(person)[0])
        persons = {"nir": {}, "identity": {}, "caf": set(), "known": {}}
        self.env.cr.execute("""
            SELECT id, nir, cdb_identity_key, birthdate_date FROM res_partner
            WHERE nir IN %s OR (cdb_identity_key IN %s AND birthdate_date IS NOT NULL)
            ORDER BY id""", (tuple(nirs) or ("",), tuple(keys) or ("",)))
        for partner_id, nir, key, birthdate in self.env.cr.fetchall():
            identity = (key, str(birthdate) if birthdate else None)
            if nir:
                persons["nir"].setdefault(nir, partner_id)
            if birthdate:
                persons["identity"].setdefault(identity, partner_id)
            persons["known"][partner_id] = (identity, nir)
        self.env.cr.execute("SELECT caf_number FROM res_partner WHERE caf_number IN %s",
                            (tuple(numbers) or ("",),))
        persons["caf"] = {row[0] for row in self.env.cr.fetchall()}
        state["persons"] = persons
        return persons

    def _load_households(self, state, households):
        """The known households of a chunk: {(organism, organism number,
        matricule): [id, newest flux applied, its fingerprint]}, and those
        this very flux already wrote (``read_before``)."""
        matricules = tuple({values["matricule"] for values in households}) or ("",)
        self.env.cr.execute("""
            SELECT h.id, h.organism, h.organism_code, h.matricule, h.flux_stamp,
                   (SELECT fingerprint FROM rsa_household_history x
                    WHERE x.household_id = h.id AND x.applied
                    ORDER BY x.flux_stamp DESC, x.id DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM rsa_household_history y
                           WHERE y.household_id = h.id AND y.flux_stamp = %s)
            FROM rsa_household h WHERE h.matricule IN %s""", (state["stamp"], matricules))
        state["households"], state["read_before"] = {}, set()
        for household_id, organism, code, matricule, stamp, fingerprint, read in \
                self.env.cr.fetchall():
            state["households"][(organism, code or "", matricule)] = [
                household_id, stamp, fingerprint]
            if read:
                state["read_before"].add(household_id)

    def _load_notebook_owners(self, state):
        """Who of the persons of a chunk has a carnet (``state["notebooks"]``)."""
        partner_ids = tuple(state["persons"]["known"]) or (0,)
        self.env.cr.execute("SELECT DISTINCT beneficiary_id FROM cdb_notebook "
                            "WHERE beneficiary_id IN %s", (partner_ids,))
        state["notebooks"] = {row[0] for row in self.env.cr.fetchall()}

    # ---------------------------------------------------------- validating
    def _stream_validate(self, job, state, path, commit):
        job._workflow_write({"rows_total": count_households(path)})
        valid, errors, batch, index = [], [], [], 0
        chunk = IMPORT_CHUNK_SIZE.get(self.env)
        try:
            for kind, line, values in iter_flux(path, state["schema"]):
                if kind == "header":
                    errors += self._header_errors(state, line, values)
                    continue
                index += 1
                batch.append((index, line, values))
                if len(batch) >= chunk:
                    self._validate_batch(state, batch, valid, errors)
                    batch = []
                    job._workflow_write({"rows_done": index})
                    job._commit(commit)
            self._validate_batch(state, batch, valid, errors)
        except FluxError as error:
            raise FluxFileError(
                _("The file does not follow the schema of the CAF/MSA flux (vrsb0801.xsd): "
                  "nothing is imported (see the report)."),
                [(line, _("Schema"), "", message) for line, message in error.errors])
        except OSError:
            raise FluxFileError(_("The file cannot be read."))
        if not state["header"]:
            raise FluxFileError(_("The file is not a CAF/MSA flux (no IdentificationFlux)."))
        job._workflow_write({"rows_done": index, "rows_total": index,
                             "flux_stamp": state["stamp"],
                             "flux_reference_date": state["header"].get("DTREF")})
        return valid, errors

    def _validate_batch(self, state, batch, valid, errors):
        """Check a batch of households: each alone and against the file
        (``_household_errors``), then against the known persons."""
        checked = []
        for index, line, values in batch:
            household_errors = self._household_errors(state, line, values)
            if household_errors:
                errors += household_errors
            else:
                checked.append((index, line, values))
        self._load_persons(state, [values for _index, _line, values in checked])
        for index, line, values in checked:
            conflicts = [(line, "NIR", person["nir"], reason) for person in values["persons"]
                         for reason in self._conflict_errors(state, person)]
            if conflicts:
                errors += conflicts
            else:
                valid.append((index, None))

    def _header_errors(self, state, line, header):
        state["header"] = header
        state["stamp"] = "%s %s" % (header.get("DTCREAFLUX") or "",
                                    (header.get("HEUCREAFLUX") or "00:00:00")[:8])
        state["reference_date"] = header.get("DTREF") or header.get("DTCREAFLUX")
        if header.get("DTCREAFLUX") and header["DTCREAFLUX"] > state["today"]:
            return [(line, "DTCREAFLUX", header["DTCREAFLUX"],
                     _("The flux is dated in the future."))]
        return []

    def _household_key(self, values):
        return (ORGANISMS.get(values["organism"]), values["organism_code"] or "",
                values["matricule"])

    def _household_errors(self, state, line, values):
        errors = []
        if values["organism"] not in ORGANISMS:
            errors.append((line, "FONORG", values["organism"],
                           _("Unknown organism: CAF or MSA expected.")))
        first = self._seen_twice(state, "household", hash(self._household_key(values)), line)
        if first:
            errors.append((line, _("Household %s") % (values["matricule"] or "?"),
                           values["matricule"],
                           _("The same household is already on line %d of the file.") % first))
        if values["right_state"] not in RIGHT_STATE_CODES:
            errors.append((line, "ETATDOSRSA", values["right_state"],
                           _("Unknown state of the right (0 to 6 expected).")))
        for person in values["persons"]:
            errors += [(line, column, value, reason)
                       for column, value, reason in self._person_errors(state, person)]
        return errors

    def _person_errors(self, state, person):
        """The person alone and against the file: birth date, NIR format,
        the same NIR for another person of the file (kept as hashes: the
        memory of 100,000 households stays small)."""
        errors = []
        name = "%s %s" % (person["lastname"] or "", person["firstname"] or "")
        if person["birthdate"] and person["birthdate"] > state["today"]:
            errors.append(("DTNAI", person["birthdate"],
                           _("%s: the birth date is in the future.") % name))
        if not person["nir"]:
            return errors
        nir = normalize_nir(person["nir"])
        if not nir:
            errors.append(("NIR", person["nir"], _(
                "%s: invalid NIR (13 characters: sex, year, month, département, commune, "
                "order; with its key when 15).") % name))
            return errors
        person["nir"] = nir
        seen = state["seen"].setdefault("nir", {})
        identity = hash(self._identity(person))
        if seen.setdefault(hash(nir), identity) != identity:
            errors.append(("NIR", nir, _(
                "%s: the same NIR is given to another person in the file.") % name))
        return errors

    def _conflict_errors(self, state, person):
        """[reason] when the NIR of ``person`` belongs to a known person of
        another name or birth date (``_load_persons``)."""
        known = person["nir"] and state["persons"]["nir"].get(person["nir"])
        if known and state["persons"]["known"][known][0] != self._identity(person) and \
                not self._same_birth_name(state, known, person):
            return [_("%s %s: this NIR belongs to a person of another name or birth date.") % (
                person["lastname"] or "", person["firstname"] or "")]
        return []

    @staticmethod
    def _identity(person):
        """(identity key, birth date) of a person of the flux, as the
        duplicate rule compares them (computed once per person)."""
        if "_identity" not in person:
            person["_identity"] = (identity_key(person["lastname"], person["firstname"]),
                                   person["birthdate"])
        return person["_identity"]

    @staticmethod
    def _same_birth_name(state, partner_id, person):
        """The known person has the birth name of the flux (a married name
        differs from the birth name)."""
        known = state["persons"]["known"][partner_id][0]
        return known == (identity_key(person["birth_name"], person["firstname"]),
                         person["birthdate"])

    # ------------------------------------------------------------- writing
    def _stream_iter(self, state, path):
        index = 0
        for kind, _line, values in iter_flux(path):
            if kind == "household":
                index += 1
                yield index, values

    def _write_rows(self, state, rows):
        counts = self._counts()
        plan = {"partners": [], "households": [], "members": [], "history": [],
                "notebooks": [], "new_persons": {}, "existing_members": set()}
        entries = self._entries(state, rows)
        for _line, values in entries:
            for person in values["persons"]:
                person["nir"] = normalize_nir(person["nir"]) if person["nir"] else None
        self._load_households(state, [values for _line, values in entries])
        todo = [values for _line, values in entries
                if state["households"].get(self._household_key(values), [None])[0]
                not in state["read_before"]]
        self._load_persons(state, todo)
        self._load_notebook_owners(state)
        for _line, values in entries:
            state["household_rights_duties"] = values["rights_duties"]
            known = state["households"].get(self._household_key(values))
            if not known:
                self._plan_household(state, values, plan)
                counts["created"] += 1
            elif known[0] in state["read_before"]:
                counts["unchanged"] += 1
            else:
                counts[self._update_household(state, known, values, plan)] += 1
        self._create_planned(state, plan)
        return counts

    # A new household, in bulk
    def _next_id(self, state, model_name):
        """A new id of ``model_name``, reserved a chunk at a time (unused ones
        are a gap in the sequence)."""
        pool = state.setdefault("ids", {}).setdefault(model_name, [])
        if not pool:
            pool.extend(reversed(self.env["cdb.import.fast.create"]._reserve_ids(
                model_name, IMPORT_CHUNK_SIZE.get(self.env))))
        return pool.pop()

    def _plan_household(self, state, values, plan):
        household_id = self._next_id(state, "rsa.household")
        members = []
        for person in values["persons"]:
            partner_id = self._plan_person(state, values, person, household_id, plan)
            members.append(self._member_values(state, household_id, partner_id, person))
        plan["members"] += members
        household = self._household_values(state, values)
        organism_label = dict(self.env["rsa.household"]._fields["organism"].selection)
        household.update({
            "id": household_id, "organism": ORGANISMS[values["organism"]],
            "organism_code": values["organism_code"], "matricule": values["matricule"],
            "member_count": len(members), "active": True, "name": " ".join(filter(None, [
                organism_label[ORGANISMS[values["organism"]]], values["organism_code"],
                values["matricule"]]))})
        plan["households"].append(household)
        plan["history"].append(self._history_values(state, household_id, values, True, None))

    def _plan_person(self, state, values, person, household_id, plan):
        """The partner of ``person``: an existing one (updated through the
        ORM) or a new one (planned for the bulk creation)."""
        partner_id = self._match_person(state, person, plan)
        partner_values = self._partner_values(state, values, person)
        if partner_id:
            self._update_partner(state, partner_id, partner_values, person)
            plan["existing_members"].add(partner_id)
            self._plan_notebook(state, partner_id, person, plan)
            return partner_id
        partner_id = self._next_id(state, "res.partner")
        partner_values.update(self._new_partner_values(state, partner_values, partner_id))
        partner_values["rsa_household_id"] = household_id
        plan["partners"].append(partner_values)
        plan["new_persons"][("identity", self._identity(person))] = partner_id
        if person["nir"]:
            plan["new_persons"][("nir", person["nir"])] = partner_id
        self._plan_notebook(state, partner_id, person, plan)
        return partner_id

    def _match_person(self, state, person, plan):
        """The existing person of the flux's: by NIR, else by name and birth
        date (cdb_identity_key)."""
        key = self._identity(person)
        if person["nir"]:
            found = plan["new_persons"].get(("nir", person["nir"])) or \
                state["persons"]["nir"].get(person["nir"])
            if found:
                return found
        return plan["new_persons"].get(("identity", key)) or \
            state["persons"]["identity"].get(key)

    def _plan_notebook(self, state, partner_id, person, plan):
        if state["create_notebooks"] and person["role"] in BENEFICIARY_ROLES \
                and self._subject(state, person) and partner_id not in state["notebooks"]:
            state["notebooks"].add(partner_id)
            plan["notebooks"].append(partner_id)

    @staticmethod
    def _subject(state, person):
        return bool(person["rights_duties"] if person["rights_duties"] is not None
                    else state.get("household_rights_duties"))

    def _partner_values(self, state, values, person):
        """What the flux says of a person, as res.partner values."""
        beneficiary = person["role"] in BENEFICIARY_ROLES
        result = {
            "lastname": person["lastname"], "firstname": self._first_name(person["firstname"]),
            "birthdate_date": person["birthdate"], "birth_place": person["birth_place"],
        }
        if person["nir"]:
            result["nir"] = person["nir"]
        if person["france_travail_id"]:
            result["france_travail_id"] = person["france_travail_id"]
        if not beneficiary:
            return result
        result.update({
            "is_rsa_beneficiary": True,
            "benefit_organism": ORGANISMS[values["organism"]],
            "rsa_entry_date": values["request_date"],
        })
        flag = person["rights_duties"] if person["rights_duties"] is not None \
            else values["rights_duties"]
        if flag is not None:
            result["rsa_flux_rights_duties"] = "subject" if flag else "not_subject"
        if values["address"]:
            result.update({k: v for k, v in values["address"].items() if v})
        situation = FAMILY_SITUATIONS.get(values["family_situation"])
        if situation:
            result["family_situation"] = situation
        if values["resources"] is not None:
            result["rsa_household_resources"] = values["resources"]
        if values["guaranteed_income"]:
            result["rsa_lump_sum"] = values["guaranteed_income"]
        return result

    @staticmethod
    def _first_name(name):
        return name.title() if name and name.isupper() else name

    def _new_partner_values(self, state, values, partner_id):
        name = state["partner_name"](values.get("lastname"), values.get("firstname"))
        result = {"id": partner_id, "name": name, "display_name": name,
                  "commercial_partner_id": partner_id, "country_id": state["france_id"],
                  "commercial_partner_country_id": state["france_id"]}
        if values.get("rsa_flux_rights_duties"):
            result["rsa_flux_rights_duties_date"] = state["reference_date"]
        return result

    def _update_partner(self, state, partner_id, partner_values, person):
        """Write what changed on an existing person (not their names: the
        person matched, a change of name is made on their form)."""
        partner = self._quiet("res.partner").browse(partner_id)
        partner_values = dict(partner_values)
        partner_values.pop("lastname", None)
        partner_values.pop("firstname", None)
        changed = self._changed_values(partner, partner_values)
        if "rsa_flux_rights_duties" in changed:
            changed["rsa_flux_rights_duties_date"] = state["reference_date"]
        if "nir" in changed and partner.nir:
            changed.pop("nir")
        if changed:
            partner.write(changed)
        return bool(changed)

    def _household_values(self, state, values):
        reason = values["right_reason"] or {}
        return {
            "rsa_request_date": values["request_date"],
            "rsa_request_number": values["request_number"],
            "right_state": RIGHT_STATE_CODES[values["right_state"]],
            "right_state_reason": reason.get("code") or False,
            "right_state_date": reason.get("date") or state["reference_date"],
            "rights_duties": bool(values["rights_duties"]),
            "family_situation_code": values["family_situation"],
            "monthly_resources": values["resources"] or 0.0,
            "guaranteed_income": values["guaranteed_income"] or 0.0,
            "flux_stamp": state["stamp"],
        }

    def _member_values(self, state, household_id, partner_id, person):
        role = person["role"] if person["role"] in ROLE_CODES else "OTHER"
        return {"household_id": household_id, "partner_id": partner_id, "role": role,
                "role_code": person["role"], "rights_duties": bool(person["rights_duties"]),
                "date_start": person["date_start"], "date_end": person["date_end"],
                "active": True}

    def _history_values(self, state, household_id, values, applied, previous):
        job = state["job"]
        return {
            "household_id": household_id, "flux_stamp": state["stamp"],
            "reference_date": state["reference_date"],
            "flux_type": state["header"].get("TYPEFLUX"),
            "source": job.filename or job.source_path,
            "right_state": RIGHT_STATE_CODES[values["right_state"]],
            "rights_duties": bool(values["rights_duties"]),
            "summary": self._summary(state, values) if values["fingerprint"] != previous
            else False,
            "fingerprint": values["fingerprint"], "applied": applied,
        }

    def _summary_words(self, state):
        """The words of the history's summary, translated once per file."""
        if "summary_words" not in state:
            state["summary_words"] = {
                "right": _("Right: %s"), "reason": _("Reason: %(kind)s %(code)s on %(date)s"),
                "household": _("Household subject to rights and duties: %s"),
                "resources": _("Monthly resources: %.2f"),
                "person": _("%(role)s %(name)s, born on %(birth)s, rights and duties %(rd)s, "
                            "France Travail %(ft)s, activity %(act)s"),
                True: _("yes"), False: _("no"), None: "?",
            }
        return state["summary_words"]

    def _summary(self, state, values):
        """What the flux said, in a few French lines (the history's)."""
        words = self._summary_words(state)
        lines = [words["right"] % values["right_state"]]
        if values["right_reason"]:
            lines.append(words["reason"] % {
                "kind": values["right_reason"]["kind"],
                "code": values["right_reason"]["code"] or "",
                "date": values["right_reason"]["date"] or ""})
        lines.append(words["household"] % words[bool(values["rights_duties"])])
        if values["resources"] is not None:
            lines.append(words["resources"] % values["resources"])
        for person in values["persons"]:
            activities = ", ".join(a["code"] or "" for a in person["activities"] if not a["end"])
            lines.append(words["person"] % {
                "role": person["role"] or "?",
                "name": "%s %s" % (person["lastname"], person["firstname"]),
                "birth": person["birthdate"], "rd": words[person["rights_duties"]],
                "ft": person["france_travail_id"] or "-", "act": activities or "-"})
        return "\n".join(lines)

    def _create_planned(self, state, plan):
        """The planned records, in bulk; then the indexes know them."""
        fast = self.env["cdb.import.fast.create"]
        self._assign_caf_numbers(state, plan)
        if plan["households"]:
            self.env["rsa.household"].check_access_rights("create")
            fast._create("rsa.household", plan["households"])
        if plan["partners"]:
            self.env["res.partner"].check_access_rights("create")
            handler = self.env["cdb.import.handler.beneficiary"]
            fast._create("res.partner", plan["partners"], computed=(
                "department_code", "partner_share", "commercial_company_name"),
                computed_inputs=("zip", "country_id"),
                row_computed=handler._fast_partner_row_computed(state))
        for model_name, key in (("rsa.household.member", "members"),
                                ("rsa.household.history", "history")):
            rows = plan[key]
            for row, record_id in zip(rows, fast._reserve_ids(model_name, len(rows))):
                row["id"] = record_id
            fast._create(model_name, rows)
        self._recompute_households(plan["existing_members"])
        self._create_notebooks(plan["notebooks"], {p["id"] for p in plan["partners"]})

    def _assign_caf_numbers(self, state, plan):
        """The CAF number (the 7 first digits of the matricule) of a new
        household's first beneficiary, when nobody has it yet."""
        new_partners = {partner["id"]: partner for partner in plan["partners"]}
        beneficiaries = {}
        for member in plan["members"]:
            if member["role"] in BENEFICIARY_ROLES and member["partner_id"] in new_partners:
                beneficiaries.setdefault(member["household_id"], member["partner_id"])
        for household in plan["households"]:
            number = (household["matricule"] or "")[:7]
            partner_id = beneficiaries.get(household["id"])
            if household["organism"] != "caf" or not partner_id \
                    or not CAF_NUMBER_RE.match(number) or number in state["persons"]["caf"]:
                continue
            new_partners[partner_id]["caf_number"] = number
            state["persons"]["caf"].add(number)

    def _recompute_households(self, partner_ids):
        """The household of the existing persons who joined one in bulk."""
        if not partner_ids:
            return
        partners = self.env["res.partner"].browse(sorted(partner_ids))
        partners.invalidate_cache(["rsa_household_member_ids", "rsa_household_id"])
        self.env.add_todo(partners._fields["rsa_household_id"], partners)
        partners.recompute()

    def _create_notebooks(self, partner_ids, new_ids):
        """The carnets of the persons subject to rights and duties: in bulk
        for the new persons, through the ORM for the others."""
        if not partner_ids:
            return
        Notebook = self._quiet("cdb.notebook")
        Notebook.check_access_rights("create")
        bulk = [partner_id for partner_id in partner_ids if partner_id in new_ids]
        fast = self.env["cdb.import.fast.create"]
        fast._create("cdb.notebook", [
            {"id": notebook_id, "beneficiary_id": partner_id}
            for partner_id, notebook_id in zip(bulk, fast._reserve_ids("cdb.notebook", len(bulk)))
        ], computed=("next_review_date",),
            computed_inputs=("date_start", "state", "last_review_date"))
        for partner_id in partner_ids:
            if partner_id not in new_ids:
                Notebook.create({"beneficiary_id": partner_id})

    # An existing household, through the ORM
    def _update_household(self, state, known, values, plan):
        """Record what the flux says of a known household, and apply it
        unless a newer flux was applied; answers the count it goes to."""
        household_id, stamp, previous = known
        History = self._quiet("rsa.household.history")
        if stamp and stamp > state["stamp"]:
            History.create(self._history_values(state, household_id, values, False, previous))
            return "unchanged"
        History.create(self._history_values(state, household_id, values, True, previous))
        household = self._quiet("rsa.household").browse(household_id)
        changed = self._changed_values(household, self._household_values(state, values))
        changed.pop("flux_stamp", None)
        if not {"right_state", "right_state_reason"} & set(changed):
            # the state is the same: it is known since the first flux that said it
            changed.pop("right_state_date", None)
        household.write(dict(changed, flux_stamp=state["stamp"]))
        state["household_rights_duties"] = values["rights_duties"]
        members_changed = self._update_members(state, household, values, plan)
        known[1], known[2] = state["stamp"], values["fingerprint"]
        return "updated" if (changed or members_changed) else "unchanged"

    def _update_members(self, state, household, values, plan):
        """The persons of the flux join (or stay in) the household, the
        others leave it (on the flux's reference date)."""
        Member = self._quiet("rsa.household.member").with_context(active_test=False)
        current = {m.partner_id.id: m for m in household.with_context(
            active_test=False).member_ids}
        changed, present = False, set()
        for person in values["persons"]:
            partner_id = self._match_person(state, person, plan)
            partner_values = self._partner_values(state, values, person)
            if partner_id:
                changed |= self._update_partner(state, partner_id, partner_values, person)
            else:
                partner_values.update({"country_id": state["france_id"]})
                if partner_values.get("rsa_flux_rights_duties"):
                    partner_values["rsa_flux_rights_duties_date"] = state["reference_date"]
                partner_id = self._quiet("res.partner").create(partner_values).id
                state["persons"]["identity"].setdefault(self._identity(person), partner_id)
                if person["nir"]:
                    state["persons"]["nir"].setdefault(person["nir"], partner_id)
                changed = True
            present.add(partner_id)
            member_values = self._member_values(state, household.id, partner_id, person)
            member = current.get(partner_id)
            if member:
                update = self._changed_values(member, {
                    key: value for key, value in member_values.items()
                    if key not in ("household_id", "partner_id")})
                if update:
                    member.write(update)
                    changed = True
            else:
                Member.create(member_values)
                changed = True
            if self._subject(state, person) and person["role"] in BENEFICIARY_ROLES \
                    and state["create_notebooks"] and partner_id not in state["notebooks"]:
                state["notebooks"].add(partner_id)
                self._quiet("cdb.notebook").create({"beneficiary_id": partner_id})
                changed = True
        for partner_id, member in current.items():
            if partner_id not in present and member.active:
                member.write({"active": False, "date_end": state["reference_date"]})
                changed = True
        return changed
