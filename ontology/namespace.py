"""The ontology's terms as a closed rdflib namespace: a typo raises instead of minting a term."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class CKG(DefinedNamespace):
    """conflict-kg ontology terms (see ``ontology/conflict.ttl``)."""

    _NS = Namespace("https://w3id.org/conflict-kg/ontology#")
    _fail = True

    # classes
    Group: URIRef
    Attack: URIRef
    Region: URIRef
    Response: URIRef
    Factor: URIRef
    Actor: URIRef
    Claim: URIRef
    SourceDocument: URIRef
    Evidence: URIRef
    # object properties
    perpetratedBy: URIRef
    claimant: URIRef
    claimsResponsibilityFor: URIRef
    locatedIn: URIRef
    partOf: URIRef
    activeIn: URIRef
    affiliatedWith: URIRef
    respondent: URIRef
    targets: URIRef
    affects: URIRef
    mentionedIn: URIRef
    statedIn: URIRef
    # datatype properties
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractedBy: URIRef
    confidence: URIRef
    contentHash: URIRef
    regionType: URIRef
    iso3166: URIRef
    geonamesId: URIRef
    responseKind: URIRef
    attackType: URIRef
    dateText: URIRef
    date: URIRef
    killed: URIRef
    wounded: URIRef
    targetType: URIRef
    eventType: URIRef
    killedText: URIRef
    actorType: URIRef
