namespace Broadside.Content;

/// <summary>What a date's text turned out to be (<see cref="DateParser.Read"/>).</summary>
public enum DateReading
{
    /// <summary>A date in range.</summary>
    Date,

    /// <summary>Not a date: another format, or a day no calendar has (2026-02-30).</summary>
    NotADate,

    /// <summary>A date, but outside <see cref="DateParser.MinYear"/> to <see cref="DateParser.MaxYear"/>.</summary>
    OutOfRange,

    /// <summary>A date with an offset beyond ±14:00, which no place on Earth uses.</summary>
    OffsetOutOfRange,
}
