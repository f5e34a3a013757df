"""English dependency labels, named in one place: every set of labels a rule tests (``SUBJECTS`` for
"nsubj"/"nsubjpass", ``NOUN_CLAUSES`` for "acl"/"relcl", ...), loaded from ``data/en/labels.yaml``.

Why a data file read into named constants, and not a module of literal sets: the labels are knowledge of
the parser's language and scheme, as the word lists are (spaCy's English models label in the ClearNLP
scheme; a Universal Dependencies model of another language says "obj", "nsubj:pass", "obl"), so they live
beside the word lists in the language's folder and are checked on load by the same loader (a set that is
empty or repeats a label is an error naming the file and the set). The constants give each set one name
that every module imports from here: a misspelt name fails at import (and in mypy), a set's users are
found by its name, and sets that differ keep distinct names even where one is another plus a label.
Single labels compared one at a time (``tok.dep_ == "prep"``) stay in the code.
"""

from __future__ import annotations

from .wordlists import DEFAULT_LANGUAGE, WordLists, word_lists

__all__ = [
    "ACTOR_CONTEXT_CLAUSE_DEPS",
    "AGENT_DEPS",
    "ALL_SUBJECTS",
    "ARGUMENT_DEPS",
    "ARGUMENT_SLOTS",
    "ASSESS_SUBORDINATE_DEPS",
    "AUXILIARIES",
    "BARE_DETERMINERS",
    "CAPACITY_LINKS",
    "CHAIN_LINKS",
    "CLAUSAL_COMPLEMENTS_OF_NOUNS_OR_VERBS",
    "CLAUSE_CORE",
    "CLAUSE_OBJECTS",
    "CLAUSE_OPENERS",
    "CODER_CLAUSE_DEPS",
    "COMPLEMENT_OR_CONJUNCT",
    "COMPOUND_OR_CONJUNCT",
    "COMPOUND_OR_NMOD",
    "COMPOUND_OR_POSSESSOR",
    "CONFIDENCE_SUBORDINATE_DEPS",
    "COORDINATION",
    "DATES_CLAUSE_DEPS",
    "DATE_NOUN_MODIFIERS",
    "DESCRIBING_CLAUSES",
    "DETERMINERS",
    "DIRECT_OBJECTS",
    "DIRECT_OR_PREP_OBJECTS",
    "FINITE_MARKS",
    "FOR_INFINITIVE_CLAUSES",
    "FUTURE_INFINITIVES",
    "GOVERNED_CLAUSES",
    "GOVERNED_SLOTS",
    "INFINITIVE_CLAUSES",
    "IT_EXPLETIVE_LINKS",
    "JOINT_COUNTS",
    "JUDGED_OBJECT_LINKS",
    "MANNER_LINKS",
    "MODALITY_CLAUSE_DEPS",
    "NAME_PARTS",
    "NAME_SUBJECT_MODIFIERS",
    "NEEDED_OBJECTS",
    "NEGATION_CARRIERS",
    "NOMINAL_DATE_LINKS",
    "NOMINAL_DEPS",
    "NON_FINITE_CLAUSES",
    "NOUN_CLAUSES",
    "NOUN_MODIFIERS",
    "NOUN_MODIFIERS_AND_NMOD",
    "NOUN_PHRASE_INNER",
    "OBJECTS",
    "OBJECTS_OR_ATTRIBUTES",
    "OBJECT_OR_PARTICLE",
    "OBJECT_PARTS",
    "OBJECT_PHRASE_LINKS",
    "OBJECT_SLOTS",
    "OBJECT_WORD_MODIFIERS",
    "OBLIGATION_PREDICATES",
    "OTHER_TARGET_SLOTS",
    "OWNER_MODIFIERS",
    "OWN_TIME_CHILDREN",
    "PAIR_COUNTERS",
    "PARTICLES",
    "PASSIVE_MARKS",
    "PATIENTS",
    "PHRASE_CUT_DEPS",
    "PHRASE_NUMBER_LINKS",
    "PLACES_CLAUSE_DEPS",
    "PLACES_DOWN_DEPS",
    "PLACES_UP_DEPS",
    "POSSESSED_MODIFIERS",
    "PREDICATES",
    "PREPOSITIONS",
    "PREPOSITIONS_AND_DATIVES",
    "PREP_OBJECTS",
    "PURPOSE_OR_OPEN_CLAUSES",
    "QUANTIFIER_DEPENDENTS",
    "QUOTED_OBJECTS",
    "REDUCED_PASSIVE_LINKS",
    "REPORTED_CLAUSES",
    "REQUESTED_SLOTS",
    "SENSES_CLAUSE_DEPS",
    "SENTENCE_OPENERS",
    "SHARED_SUBJECT_CLAUSES",
    "SPEAKER_CLIMB_DEPS",
    "STATE_LINKS",
    "SUBJECTS",
    "SUBJECTS_OR_POSSESSOR",
    "SUBJECT_MODIFIERS",
    "SUBJECT_OR_PREP_OBJECT",
    "SUBJECT_SHARING_LINKS",
    "SUBORDINATE_CLAUSES",
    "TARGET_WALK_DEPS",
    "TIMED_CLAUSES",
    "TIME_ADVERBIALS",
    "TIME_DEPS",
    "VERB_COMPLEMENTS",
    "VERB_LINKS",
    "VOCATIVE_DEPS",
    "dependency_labels",
]


def dependency_labels(language: str = DEFAULT_LANGUAGE) -> WordLists:
    """The named label sets of ``data/<language>/labels.yaml`` (checked; cached per language)."""
    return word_lists("eventwire", "labels.yaml", language)


_LABELS = word_lists("eventwire", "labels.yaml")

SUBJECTS = _LABELS.words("subjects")
AUXILIARIES = _LABELS.words("auxiliaries")
NOUN_CLAUSES = _LABELS.words("noun_clauses")
NOUN_MODIFIERS = _LABELS.words("noun_modifiers")
CHAIN_LINKS = _LABELS.words("chain_links")
CLAUSE_OPENERS = _LABELS.words("clause_openers")
DIRECT_OR_PREP_OBJECTS = _LABELS.words("direct_or_prep_objects")
OBJECTS = _LABELS.words("objects")
PATIENTS = _LABELS.words("patients")
PREPOSITIONS = _LABELS.words("prepositions")
OBJECTS_OR_ATTRIBUTES = _LABELS.words("objects_or_attributes")
VERB_LINKS = _LABELS.words("verb_links")
OWNER_MODIFIERS = _LABELS.words("owner_modifiers")
NOUN_MODIFIERS_AND_NMOD = _LABELS.words("noun_modifiers_and_nmod")
CLAUSAL_COMPLEMENTS_OF_NOUNS_OR_VERBS = _LABELS.words("clausal_complements_of_nouns_or_verbs")
COMPOUND_OR_NMOD = _LABELS.words("compound_or_nmod")
COMPOUND_OR_POSSESSOR = _LABELS.words("compound_or_possessor")
COORDINATION = _LABELS.words("coordination")
NAME_PARTS = _LABELS.words("name_parts")
PURPOSE_OR_OPEN_CLAUSES = _LABELS.words("purpose_or_open_clauses")
VERB_COMPLEMENTS = _LABELS.words("verb_complements")
NEGATION_CARRIERS = _LABELS.words("negation_carriers")
PREPOSITIONS_AND_DATIVES = _LABELS.words("prepositions_and_datives")
PAIR_COUNTERS = _LABELS.words("pair_counters")
OBJECT_SLOTS = _LABELS.words("object_slots")
COMPOUND_OR_CONJUNCT = _LABELS.words("compound_or_conjunct")
DETERMINERS = _LABELS.words("determiners")
DIRECT_OBJECTS = _LABELS.words("direct_objects")
FUTURE_INFINITIVES = _LABELS.words("future_infinitives")
INFINITIVE_CLAUSES = _LABELS.words("infinitive_clauses")
FOR_INFINITIVE_CLAUSES = _LABELS.words("for_infinitive_clauses")
OWN_TIME_CHILDREN = _LABELS.words("own_time_children")
IT_EXPLETIVE_LINKS = _LABELS.words("it_expletive_links")
JOINT_COUNTS = _LABELS.words("joint_counts")
OBJECT_OR_PARTICLE = _LABELS.words("object_or_particle")
PARTICLES = _LABELS.words("particles")
PASSIVE_MARKS = _LABELS.words("passive_marks")
PREDICATES = _LABELS.words("predicates")
PREP_OBJECTS = _LABELS.words("prep_objects")
QUOTED_OBJECTS = _LABELS.words("quoted_objects")
REPORTED_CLAUSES = _LABELS.words("reported_clauses")
SENTENCE_OPENERS = _LABELS.words("sentence_openers")
SHARED_SUBJECT_CLAUSES = _LABELS.words("shared_subject_clauses")
STATE_LINKS = _LABELS.words("state_links")
SUBJECT_OR_PREP_OBJECT = _LABELS.words("subject_or_prep_object")
TIME_ADVERBIALS = _LABELS.words("time_adverbials")
TIMED_CLAUSES = _LABELS.words("timed_clauses")
ALL_SUBJECTS = _LABELS.words("all_subjects")
BARE_DETERMINERS = _LABELS.words("bare_determiners")
CLAUSE_OBJECTS = _LABELS.words("clause_objects")
COMPLEMENT_OR_CONJUNCT = _LABELS.words("complement_or_conjunct")
DATE_NOUN_MODIFIERS = _LABELS.words("date_noun_modifiers")
DESCRIBING_CLAUSES = _LABELS.words("describing_clauses")
GOVERNED_CLAUSES = _LABELS.words("governed_clauses")
MANNER_LINKS = _LABELS.words("manner_links")
OTHER_TARGET_SLOTS = _LABELS.words("other_target_slots")
PHRASE_NUMBER_LINKS = _LABELS.words("phrase_number_links")
PLACES_UP_DEPS = _LABELS.words("places_up_deps")
REQUESTED_SLOTS = _LABELS.words("requested_slots")
SUBJECT_MODIFIERS = _LABELS.words("subject_modifiers")
SUBJECT_SHARING_LINKS = _LABELS.words("subject_sharing_links")
SUBJECTS_OR_POSSESSOR = _LABELS.words("subjects_or_possessor")
ARGUMENT_SLOTS = _LABELS.words("argument_slots")
CAPACITY_LINKS = _LABELS.words("capacity_links")
CONFIDENCE_SUBORDINATE_DEPS = _LABELS.words("confidence_subordinate_deps")
GOVERNED_SLOTS = _LABELS.words("governed_slots")
NAME_SUBJECT_MODIFIERS = _LABELS.words("name_subject_modifiers")
NEEDED_OBJECTS = _LABELS.words("needed_objects")
NON_FINITE_CLAUSES = _LABELS.words("non_finite_clauses")
OBJECT_PARTS = _LABELS.words("object_parts")
OBJECT_WORD_MODIFIERS = _LABELS.words("object_word_modifiers")
OBLIGATION_PREDICATES = _LABELS.words("obligation_predicates")
POSSESSED_MODIFIERS = _LABELS.words("possessed_modifiers")
SENSES_CLAUSE_DEPS = _LABELS.words("senses_clause_deps")
QUANTIFIER_DEPENDENTS = _LABELS.words("quantifier_dependents")
TIME_DEPS = _LABELS.words("time_deps")
CLAUSE_CORE = _LABELS.words("clause_core")
CODER_CLAUSE_DEPS = _LABELS.words("coder_clause_deps")
FINITE_MARKS = _LABELS.words("finite_marks")
PLACES_DOWN_DEPS = _LABELS.words("places_down_deps")
VOCATIVE_DEPS = _LABELS.words("vocative_deps")
ACTOR_CONTEXT_CLAUSE_DEPS = _LABELS.words("actor_context_clause_deps")
NOMINAL_DATE_LINKS = _LABELS.words("nominal_date_links")
REDUCED_PASSIVE_LINKS = _LABELS.words("reduced_passive_links")
ARGUMENT_DEPS = _LABELS.words("argument_deps")
ASSESS_SUBORDINATE_DEPS = _LABELS.words("assess_subordinate_deps")
JUDGED_OBJECT_LINKS = _LABELS.words("judged_object_links")
NOUN_PHRASE_INNER = _LABELS.words("noun_phrase_inner")
OBJECT_PHRASE_LINKS = _LABELS.words("object_phrase_links")
AGENT_DEPS = _LABELS.words("agent_deps")
SPEAKER_CLIMB_DEPS = _LABELS.words("speaker_climb_deps")
SUBORDINATE_CLAUSES = _LABELS.words("subordinate_clauses")
NOMINAL_DEPS = _LABELS.words("nominal_deps")
PLACES_CLAUSE_DEPS = _LABELS.words("places_clause_deps")
DATES_CLAUSE_DEPS = _LABELS.words("dates_clause_deps")
MODALITY_CLAUSE_DEPS = _LABELS.words("modality_clause_deps")
PHRASE_CUT_DEPS = _LABELS.words("phrase_cut_deps")
TARGET_WALK_DEPS = _LABELS.words("target_walk_deps")
