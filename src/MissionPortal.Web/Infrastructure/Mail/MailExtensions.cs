using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Mail;

namespace MissionPortal.Web.Infrastructure.Mail;

public static class MailExtensions
{
    public static WebApplicationBuilder AddPortalMail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.Section);
        builder.Services.Configure<MailOptions>(section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IOutboxSignal>(s => s.GetRequiredService<OutboxSignal>());
        builder.Services.AddSingleton<PickupFolderTransport>();
        builder.Services.AddSingleton<SmtpMailTransport>();
        builder.Services.AddSingleton<IMailTransport>(s =>
            string.IsNullOrWhiteSpace(s.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
                ? s.GetRequiredService<PickupFolderTransport>()
                : s.GetRequiredService<SmtpMailTransport>());
        builder.Services.AddSingleton<PortalLinks>();
        builder.Services.AddScoped<MailComposer>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(s => s.GetRequiredService<OutboxSender>());
        return builder;
    }
}
