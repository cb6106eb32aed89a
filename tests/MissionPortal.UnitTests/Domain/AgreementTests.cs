using MissionPortal.Core.Domain.Agreements;

namespace MissionPortal.UnitTests.Domain;

public class AgreementTests
{
    private static Agreement Draft()
    {
        var agreement = new Agreement("Меморандум", AgreementKind.Memorandum, CooperationAreas.Cultural);
        agreement.ReplaceParties([1, 2, 2]);
        agreement.ReplaceSignatories([new SignatoryDetails("Ёлкин", "Пётр", null, "Директор", 1)]);
        return agreement;
    }

    [Fact]
    public void An_agreement_goes_from_draft_through_negotiation_to_signed_in_force_and_fulfilled()
    {
        var agreement = Draft();

        agreement.MoveTo(AgreementStatus.Negotiation, null);
        agreement.MoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17));
        agreement.MoveTo(AgreementStatus.InForce, null);
        agreement.MoveTo(AgreementStatus.Fulfilled, null);

        Assert.Equal(AgreementStatus.Fulfilled, agreement.Status);
        Assert.Equal(new DateOnly(2026, 11, 17), agreement.SignedOn);
        Assert.Equal(2, agreement.Parties.Count);
        Assert.Empty(Agreement.NextSteps(agreement.Status));
    }

    [Theory]
    [InlineData(AgreementStatus.Signed)]
    [InlineData(AgreementStatus.InForce)]
    [InlineData(AgreementStatus.Fulfilled)]
    public void A_draft_cannot_skip_negotiation(AgreementStatus next)
    {
        var agreement = Draft();

        Assert.False(agreement.CanMoveTo(next));
        Assert.Throws<InvalidOperationException>(() => agreement.MoveTo(next, new DateOnly(2026, 11, 17)));
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
    }

    [Fact]
    public void Signing_needs_a_date_two_parties_and_a_signatory()
    {
        var agreement = Draft();
        agreement.MoveTo(AgreementStatus.Negotiation, null);

        Assert.Throws<InvalidOperationException>(() => agreement.MoveTo(AgreementStatus.Signed, null));
        agreement.ReplaceParties([1]);
        Assert.Throws<InvalidOperationException>(() => agreement.MoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17)));
        agreement.ReplaceParties([1, 3]);
        agreement.ReplaceSignatories([]);
        Assert.Throws<InvalidOperationException>(() => agreement.MoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17)));
        Assert.Equal(AgreementStatus.Negotiation, agreement.Status);
        Assert.Null(agreement.SignedOn);
    }

    [Fact]
    public void A_step_is_refused_with_the_first_reason_that_applies()
    {
        var agreement = Draft();

        Assert.Equal(AgreementStepRefusal.NoStep, agreement.RefusalToMoveTo(null, null));
        Assert.Equal(AgreementStepRefusal.NoStep, agreement.RefusalToMoveTo((AgreementStatus)42, null));
        Assert.Equal(AgreementStepRefusal.NotFromHere, agreement.RefusalToMoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17)));
        Assert.Null(agreement.RefusalToMoveTo(AgreementStatus.Negotiation, null));

        agreement.MoveTo(AgreementStatus.Negotiation, null);
        Assert.Equal(AgreementStepRefusal.NoSigningDate, agreement.RefusalToMoveTo(AgreementStatus.Signed, null));
        Assert.Null(agreement.RefusalToMoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17)));
        Assert.Null(agreement.RefusalToMoveTo(AgreementStatus.Draft, null));

        agreement.ReplaceParties([1]);
        Assert.Equal(AgreementStepRefusal.NoSigningDate, agreement.RefusalToMoveTo(AgreementStatus.Signed, null));
        Assert.Equal(AgreementStepRefusal.TooFewToSign, agreement.RefusalToMoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17)));
        agreement.ReplaceParties([1, 3]);
        agreement.ReplaceSignatories([]);
        Assert.Equal(AgreementStepRefusal.TooFewToSign, agreement.RefusalToMoveTo(AgreementStatus.Signed, new DateOnly(2026, 11, 17)));
        Assert.Equal(AgreementStatus.Negotiation, agreement.Status);
    }
}
