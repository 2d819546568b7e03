/*
 * test/unit/test_invariant.c
 *	  HDH_ASSERT: compiled into the unit tests, silent when its condition
 *	  holds, and when an invariant breaks it names the condition and aborts
 *	  (checked in a child process). The broken invariant is a real one: a
 *	  moving state whose map was corrupted gives a view that is not canonical.
 */
#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/delay_moving.h"
#include "core/invariant.h"
#include "core_test.h"
#include "unit.h"

static TestMemory memory = TEST_MEMORY_INIT;

/* Run fn in a child with stderr captured; true when it aborted saying `expect`. */
static int
AbortsSaying(void (*fn) (void), const char *expect)
{
	int			fds[2];
	pid_t		pid;
	int			status;
	char		text[1024];
	ssize_t		got,
				len = 0;

	if (pipe(fds) != 0)
		return 0;
	fflush(stdout);
	pid = fork();
	if (pid == 0)
	{
		close(fds[0]);
		dup2(fds[1], 2);
		fn();
		_exit(0);				/* the invariant held: not what we wanted */
	}
	close(fds[1]);
	while (len < (ssize_t) sizeof(text) - 1 &&
		   (got = read(fds[0], text + len, sizeof(text) - 1 - (size_t) len)) > 0)
		len += got;
	text[len] = '\0';
	close(fds[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT &&
		strstr(text, "TRAP: failed HDH_ASSERT") != NULL && strstr(text, expect) != NULL;
}

static void
FalseCondition(void)
{
	int			one = 1;

	HDH_ASSERT(one == 2);
}

/* A day whose counts were zeroed behind the map's back: the view is not canonical. */
static void
CorruptedMovingView(void)
{
	HdhAlloc	mem = TestAllocator(&memory);
	HdhDelayMoving m;
	HdhDelaySummary view;
	HdhError	err;
	uint32_t	i;

	hdh_delay_moving_init(&m, &mem);
	hdh_delay_moving_add(&m, 5, false, &err);
	hdh_delay_moving_add(&m, 9, true, &err);
	for (i = 0; i < m.cap; i++)
		if (m.slots[i].day == 5)
			m.slots[i].completed = 0;
	hdh_delay_moving_view(&m, &view, &err);
}

int
main(void)
{
	HdhAlloc	mem = TestAllocator(&memory);
	HdhDelayMoving m;
	HdhDelaySummary view;
	HdhError	err;

	CHECK(hdh_assert_checking());

	/* Intact, the same map's view passes its assertions. */
	hdh_delay_moving_init(&m, &mem);
	CHECK(hdh_delay_moving_add(&m, 5, false, &err) == HDH_OK);
	CHECK(hdh_delay_moving_add(&m, 9, true, &err) == HDH_OK);
	CHECK(hdh_delay_moving_view(&m, &view, &err) == HDH_OK && view.n == 2);
	hdh_delay_moving_free(&m);

	CHECK(AbortsSaying(FalseCondition, "one == 2"));
	CHECK(AbortsSaying(CorruptedMovingView, "hdh_delay_is_canonical(out)"));
	return unit_done();
}
