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
    CasualtyFigure: URIRef
    RebelGroup: URIRef
    PoliticalMilitia: URIRef
    IdentityMilitia: URIRef
    StateActor: URIRef
    InternationalOrganisation: URIRef
    Mission: URIRef
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
    drives: URIRef
    subEventType: URIRef
    responseType: URIRef
    factorType: URIRef
    actorCategory: URIRef
    geonamesFeature: URIRef
    casualtyFigure: URIRef
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
    datePrecision: URIRef
    placePrecision: URIRef
    killedHigh: URIRef
    casualtyKind: URIRef
    figureLow: URIRef
    figureHigh: URIRef
    figureText: URIRef


#: Concepts of the typologies (``ontology/schemes.ttl``).
CPT = Namespace("https://w3id.org/conflict-kg/concept/")

#: GeoNames features (``https://sws.geonames.org/{id}/``).
GEONAMES = Namespace("https://sws.geonames.org/")
