/// The outputs of one request, as enclosures at one working precision.
struct FamilyOutputs {
    var values: [Enclosure]
    var gradient: [Enclosure]?
}
