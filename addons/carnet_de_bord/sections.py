"""The sections of a carnet the beneficiary shares member by member (seed
000, "Qui le remplit et quand ? Qui y a accès ?": the beneficiary "choisit
quelles informations sont accessibles et à qui"). readme/SHARING.rst lists
the records of each section."""

SECTIONS = [
    ("situation", "Situation and diagnostic"),
    ("health", "Health"),
    ("plan", "Objectives and actions"),
    ("contracts", "Contracts"),
    ("documents", "Documents"),
]
SECTION_KEYS = tuple(key for key, _label in SECTIONS)
