package org.civicgraph.contracts.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewInterpreterTest {

    @Test
    void aReviewIsDueByTheEndOfTheMonthOrOnTheDayWritten() {
        assertThat(ReviewInterpreter.interpret("Jan 2019", null).dueDate()).isEqualTo("2019-01-31");
        assertThat(ReviewInterpreter.interpret("June 2020", null).dueDate()).isEqualTo("2020-06-30");
        assertThat(ReviewInterpreter.interpret("Report to Portfolio Holder 10 October 2017", null).dueDate()).isEqualTo("2017-10-10");
        assertThat(ReviewInterpreter.interpret("Dec 2017 (post Barrier PI project board review)", null).dueDate()).isEqualTo("2017-12-31");
        assertThat(ReviewInterpreter.interpret("2018-19", null).dueDate()).isEqualTo("2019-03-31");
        assertThat(ReviewInterpreter.interpret("2039", null).dueDate()).isEqualTo("2039-12-31");
    }

    @Test
    void recurringOrUnreadableReviewsKeepOnlyTheirWords() {
        ContractReview yearly = ReviewInterpreter.interpret("Yearly", ReviewDecision.CONTINUATION);
        ContractReview autumn = ReviewInterpreter.interpret("Autumn 2018", null);
        ContractReview unknown = ReviewInterpreter.interpret("In process", null);

        assertThat(yearly.recurrence()).isEqualTo(ReviewRecurrence.YEARLY);
        assertThat(yearly.dueDate()).isNull();
        assertThat(yearly.decides()).isEqualTo(ReviewDecision.CONTINUATION);
        assertThat(ReviewInterpreter.interpret("Continuous", null).recurrence()).isEqualTo(ReviewRecurrence.CONTINUOUS);
        assertThat(autumn.dueDate()).as("a season is read as its year, at the latest").isEqualTo("2018-12-31");
        assertThat(autumn.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(unknown.dueDate()).isNull();
        assertThat(unknown.recurrence()).isNull();
        assertThat(unknown.asWritten()).isEqualTo("In process");
        assertThat(unknown.decides()).isEqualTo(ReviewDecision.NOT_STATED);
    }
}
