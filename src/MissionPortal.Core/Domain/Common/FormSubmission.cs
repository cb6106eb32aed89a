namespace MissionPortal.Core.Domain.Common;

/// <summary>
/// The one-time key a create form carries: stored in the same transaction as the record the form creates,
/// under a unique key, so a form posted twice (a double click, a resent request) creates one record.
/// </summary>
public class FormSubmission
{
    public FormSubmission(Guid key, DateTime atUtc)
    {
        Key = key;
        AtUtc = atUtc;
    }

    public Guid Key { get; private set; }

    public DateTime AtUtc { get; private set; }
}
