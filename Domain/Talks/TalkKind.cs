namespace TalkBot.Domain.Talks;

/// <summary>The three kinds of talk (SPEC §3).</summary>
public enum TalkKind
{
    /// <summary>日常廉政谈话 (000 §三1)</summary>
    Routine,
    /// <summary>廉政提醒谈话 (000 §三2–3)</summary>
    Reminder,
    /// <summary>诫勉谈话 (002)</summary>
    Admonishment,
}

/// <summary>个别谈话 or 集体谈话 (000 §二, last paragraph).</summary>
public enum TalkFormat
{
    Individual,
    Collective,
}
