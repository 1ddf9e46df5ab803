"""A hand-built département for the export and dashboard tests, independent
of the demo data: two territories of its own, so that every number can be
counted by hand.

Territory A (T = today):
- ``nb_running``: solidarity orientation at T-100, CER solidarité signed at
  T-80 (20 days, in time), running until T+100 or so;
- ``nb_expiring``: France Travail orientation at T-60, PPAE signed at T-20
  (40 days: after the 1-month deadline), running until T+10;
- ``nb_draft``: solidarity orientation at T-70, contract still a draft and
  its deadline (about T-9) passed;
- ``nb_ended``: solidarity orientation at T-90, CER signed at T-60 (30 days),
  ended;
- ``nb_review``: no orientation, last review 7 months ago (overdue);
- ``nb_new``: no référent yet;
- ``nb_closed``: closed (reprise d'emploi), no référent, old review: counted
  nowhere but in the carnets closed.
Territory B: ``nb_other``, followed by ``referent2`` only: France Travail
orientation at T-30, PPAE signed at T-20 (10 days), running.
"""
from .common import ManagerCase


class DepartementCase(ManagerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Territory = cls.env["cdb.territory"]
        cls.territory_a = Territory.create({"name": "UT DEP Territoire A"})
        cls.territory_b = Territory.create({"name": "UT DEP Territoire B"})
        t = cls.today
        day = cls._day
        cls.nb_running = cls._carnet("Arras", cls.referent)
        cls._contract(cls.nb_running, "solidarity", day(-100), day(-80), "running")
        cls.nb_expiring = cls._carnet("Bethune", cls.referent)
        cls._contract(cls.nb_expiring, "professional_ft", day(-60), day(-20), "running",
                      ppae_date_end=day(10))
        cls.nb_draft = cls._carnet("Calais", cls.referent)
        cls._contract(cls.nb_draft, "solidarity", day(-70), None, "draft")
        cls.nb_ended = cls._carnet("Douai", cls.referent)
        cls._contract(cls.nb_ended, "solidarity", day(-90), day(-60), "ended")
        cls.nb_review = cls._carnet("Etaples", cls.referent)
        cls._validated_review(cls.nb_review, cls._shift(t, months=-7))
        cls.nb_new = cls._carnet("Fruges", None)
        cls.nb_closed = cls._carnet("Guines", None)
        cls._validated_review(cls.nb_closed, cls._shift(t, months=-9))
        cls.nb_closed._close(cls.env.ref("carnet_de_bord.end_reason_employment"))
        cls.nb_other = cls._carnet("Hesdin", cls.referent2, cls.territory_b)
        cls._contract(cls.nb_other, "professional_ft", day(-30), day(-20), "running",
                      ppae_date_end=day(200))
        cls.territory_a_notebooks = (cls.nb_running | cls.nb_expiring | cls.nb_draft
                                     | cls.nb_ended | cls.nb_review | cls.nb_new
                                     | cls.nb_closed)

    @classmethod
    def _day(cls, offset):
        return cls._shift(cls.today, days=offset)

    @classmethod
    def _carnet(cls, lastname, referent, territory=None):
        return cls._notebook("Dep" + lastname, referent=referent,
                             territory_id=(territory or cls.territory_a).id,
                             structure_id=cls.structure_a.id)

    @classmethod
    def _contract(cls, notebook, orientation_type, decided, signed, state, **vals):
        """A decided orientation of ``notebook`` and its contract, signed on
        ``signed`` by both parties (None: not signed), in ``state``."""
        orientation = cls.env["rsa.orientation"]._create_decided({
            "notebook_id": notebook.id, "orientation_type": orientation_type,
            "referent_id": notebook.referent_id.id, "date_decision": decided})
        values = {
            "notebook_id": notebook.id, "orientation_id": orientation.id,
            "referent_id": notebook.referent_id.id, "state": state,
            "date_start": signed or decided,
            "duration_months": 6, "beneficiary_signed_date": signed,
            "referent_signed_date": signed,
        }
        values.update(vals)
        # the state is set directly: the workflow's actions are tested in cer_contracts
        contract = cls.env["cer.contract"]._workflow_create(values)
        cls.env["cdb.notebook"].invalidate_cache()
        return contract
