@reconciliation @yearly
Feature: The nightly reconciliation runs once a night, whatever the calendar does
  The merchant has the engine compare the storefront with the ERP every night, at a time on the store's
  wall clock. The engine schedules it on the business clock: on the night the clocks spring forward and a
  time does not happen, it runs once when they jump; on the night they fall back and a time happens twice,
  it runs once; a job for the last day of the month or for 29 February finds the leap day; nights missed
  while the engine was down for maintenance are made up by one run when it is back, never by a burst.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario Outline: A nightly job runs exactly once on the night the clocks change (<case>)
    Given the engine reconciles the storefront with the ERP every night at <time> in <zone>
    When the business clock reaches <day before> 12:00 in <zone>
    Then the engine's next reconciliation is at <day> <runs at> in <zone>
    When the business clock reaches <day> 12:00 in <zone>
    Then the reconciliation ran once on <day>, at <runs at> in <zone>
    And the engine's next reconciliation is at <day after> <time> in <zone>

    Examples:
      | case                                         | zone             | time  | day before | day        | day after  | runs at |
      | Chicago springs forward: 02:30 never happens | America/Chicago  | 02:30 | 2027-03-13 | 2027-03-14 | 2027-03-15 | 03:00   |
      | Chicago springs forward: 03:00 is CDT        | America/Chicago  | 03:00 | 2027-03-13 | 2027-03-14 | 2027-03-15 | 03:00   |
      | Chicago falls back: 01:30 happens twice      | America/Chicago  | 01:30 | 2027-11-06 | 2027-11-07 | 2027-11-08 | 01:30   |
      | Chicago falls back: 03:00 is CST             | America/Chicago  | 03:00 | 2027-11-06 | 2027-11-07 | 2027-11-08 | 03:00   |
      | London springs forward: 01:30 never happens  | Europe/London    | 01:30 | 2027-03-27 | 2027-03-28 | 2027-03-29 | 02:00   |
      | London falls back: 01:30 happens twice       | Europe/London    | 01:30 | 2027-10-30 | 2027-10-31 | 2027-11-01 | 01:30   |
      | Sydney springs forward in October            | Australia/Sydney | 02:30 | 2027-10-02 | 2027-10-03 | 2027-10-04 | 03:00   |
      | Sydney falls back in April                   | Australia/Sydney | 02:30 | 2027-04-03 | 2027-04-04 | 2027-04-05 | 02:30   |

  Scenario: A month-end job runs on 29 February in a leap year
    Given the engine reconciles the storefront with the ERP on the schedule "0 3 L * *" in America/Chicago
    When the business clock reaches 2028-02-27 12:00 in America/Chicago
    Then the engine's next reconciliation is at 2028-02-29 03:00 in America/Chicago
    When the business clock reaches 2028-02-29 03:00 in America/Chicago
    Then the reconciliation ran once on 2028-02-29, at 03:00 in America/Chicago
    And the reconciliation has run 0 times on 2028-02-28 in America/Chicago
    And the engine's next reconciliation is at 2028-03-31 03:00 in America/Chicago

  Scenario: A job for 29 February runs on the leap day and then waits four years
    Given the engine reconciles the storefront with the ERP on the schedule "0 3 29 2 *" in America/Chicago
    Then the engine's next reconciliation is at 2028-02-29 03:00 in America/Chicago
    When the business clock reaches 2028-02-29 03:00 in America/Chicago
    Then the reconciliation ran once on 2028-02-29, at 03:00 in America/Chicago
    And the engine's next reconciliation is at 2032-02-29 03:00 in America/Chicago

  Scenario: Nights missed while the engine was down are made up by one run when it is back
    Given the engine reconciles the storefront with the ERP every night at 03:00 in America/Chicago
    When the business clock reaches 2026-11-03 03:00 in America/Chicago
    Then the reconciliation ran once on 2026-11-03, at 03:00 in America/Chicago
    When the engine is down for maintenance until 2026-11-06 09:00 in America/Chicago
    Then the reconciliation for 2026-11-04 ran late, once, standing in for 2 missed nights
    And the reconciliation has run 0 times on 2026-11-05 in America/Chicago
    And the reconciliation has run 0 times on 2026-11-06 in America/Chicago
    And the engine's next reconciliation is at 2026-11-07 03:00 in America/Chicago

  Scenario: An engine restarted just after the night's run does not run it again
    Given the engine reconciles the storefront with the ERP every night at 03:00 in America/Chicago
    When the business clock reaches 2026-11-03 03:00 in America/Chicago
    And the engine is down for maintenance until 2026-11-03 03:10 in America/Chicago
    Then the reconciliation has run 1 time on 2026-11-03 in America/Chicago
    And the engine's next reconciliation is at 2026-11-04 03:00 in America/Chicago
