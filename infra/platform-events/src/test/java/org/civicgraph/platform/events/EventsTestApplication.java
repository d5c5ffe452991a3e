package org.civicgraph.platform.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

import java.util.Map;

@SpringBootApplication
@EnableMongoRepositories(considerNestedRepositories = true)
class EventsTestApplication {

    static final String CREATED = "org.civicgraph.test.task.created.v1";
    static final String RENAMED = "org.civicgraph.test.task.renamed.v1";

    @Document("tasks")
    static class Task extends AggregateRoot {

        private String title;

        Task() {
        }

        static Task create(String id, String title) {
            Task task = new Task();
            task.id = id;
            task.title = title;
            task.recordEvent(CREATED, "tasks/" + id, Map.of("id", id, "title", title));
            return task;
        }

        void rename(String newTitle) {
            String oldTitle = title;
            title = newTitle;
            recordEvent(RENAMED, "tasks/" + id, Map.of("id", id, "oldTitle", oldTitle, "title", newTitle));
        }

        String title() {
            return title;
        }
    }

    interface Tasks extends MongoRepository<Task, String> {
    }

    /** A record that belongs to a task: its events are keyed by the task, so they stay in order with the task's own. */
    @Document("task_notes")
    static class TaskNote extends AggregateRoot {

        static final String ADDED = "org.civicgraph.test.task.note-added.v1";

        private String taskId;

        TaskNote() {
        }

        static TaskNote add(String id, String taskId, String text) {
            TaskNote note = new TaskNote();
            note.id = id;
            note.taskId = taskId;
            note.recordEvent(ADDED, "tasks/" + taskId + "/notes/" + id, Map.of("taskId", taskId, "text", text));
            return note;
        }

        @Override
        protected String eventKey() {
            return taskId;
        }
    }

    interface TaskNotes extends MongoRepository<TaskNote, String> {
    }
}
