namespace TalkBot.Bot.Features.Calendar;

/// <summary>Outlook events for scheduled talks (section <c>CalendarEvents</c>); off unless a mailbox is set.</summary>
public sealed class CalendarEventOptions
{
    public const string Section = "CalendarEvents";

    /// <summary>
    /// The service mailbox that organises every talk's event (e.g. <c>talkbot@contoso.com</c>, a shared or resource
    /// mailbox): Calendars.ReadWrite can be limited to it alone by an application access policy, and attendees see one
    /// sender. Empty: no events.
    /// </summary>
    public string Mailbox { get; set; } = string.Empty;

    /// <summary>How long an event lasts (the talk form has no end time).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether the event is also a Teams meeting (<c>isOnlineMeeting</c>).</summary>
    public bool OnlineMeeting { get; set; }

    /// <summary>The link in the event back to the notice; empty: the chat with the bot (<c>28:</c> and <c>MicrosoftAppId</c>).</summary>
    public string NoticeLink { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(Mailbox);
}
