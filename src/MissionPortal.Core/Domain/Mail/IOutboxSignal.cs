namespace MissionPortal.Core.Domain.Mail;

/// <summary>Wakes the sender when a save wrote new messages, so they go at once instead of at the next poll.</summary>
public interface IOutboxSignal
{
    void Pulse();
}
