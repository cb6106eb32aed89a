namespace MissionPortal.Web.Features.Notifications;

public sealed record NotificationItemViewModel(int Id, string Title, string When, bool IsRead);

public sealed record NotificationListViewModel(IReadOnlyList<NotificationItemViewModel> Items, int Unread);

/// <summary>One kind on the preferences page: its name and whether it comes by e-mail.</summary>
public sealed record NotificationKindViewModel(string Kind, string Label, bool ByMail);

public sealed record NotificationSettingsViewModel(IReadOnlyList<NotificationKindViewModel> Kinds);
