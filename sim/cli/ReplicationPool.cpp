// Spawns child processes with posix_spawn, reads their pipes with poll, and hands out results in order.
#include "cli/ReplicationPool.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <limits.h>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace stormsim {
namespace {

std::string system_error(const std::string& what, int error)
{
  return what + ": " + std::strerror(error);
}

std::string own_executable()
{
  char path[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length < 0)
    throw std::runtime_error(system_error("cannot find this program's path in /proc/self/exe", errno));
  return std::string(path, static_cast<std::size_t>(length));
}

struct Child {
  std::size_t index = 0;
  pid_t pid = -1;
  int out_fd = -1;
  int err_fd = -1;
  ChildOutput output;
};

class Pipe {
public:
  Pipe()
  {
    if (pipe2(fds_, O_CLOEXEC) != 0)
      throw std::runtime_error(system_error("cannot create a pipe for a replication", errno));
  }
  ~Pipe()
  {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  int release_read()
  {
    const int fd = fds_[0];
    fds_[0] = -1;
    return fd;
  }
  void close_write()
  {
    if (fds_[1] >= 0)
      close(fds_[1]);
    fds_[1] = -1;
  }

private:
  void close_read()
  {
    if (fds_[0] >= 0)
      close(fds_[0]);
    fds_[0] = -1;
  }

  int fds_[2] = {-1, -1};
};

// Starts one child whose standard output and standard error go to pipes. The pipes are close-on-exec, so a child
// inherits only its own two ends, which posix_spawn's dup2 makes plain descriptors 1 and 2.
Child spawn_child(const std::string& program, const std::vector<std::string>& arguments, std::size_t index)
{
  Pipe out;
  Pipe err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end(), STDERR_FILENO);

  std::vector<char*> argv;
  std::string name = "stormsim";
  argv.push_back(name.data());
  std::vector<std::string> copies = arguments;
  for (auto& argument : copies)
    argv.push_back(argument.data());
  argv.push_back(nullptr);

  Child child;
  child.index = index;
  const int error = posix_spawn(&child.pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0)
    throw std::runtime_error(system_error("cannot start a replication of " + program, error));
  out.close_write();
  err.close_write();
  child.out_fd = out.release_read();
  child.err_fd = err.release_read();
  return child;
}

// Reads what is available on `fd` into `text`; closes the descriptor and sets it to -1 at end of file.
void drain(int& fd, std::string& text)
{
  char buffer[65536];
  const ssize_t count = read(fd, buffer, sizeof buffer);
  if (count > 0) {
    text.append(buffer, static_cast<std::size_t>(count));
    return;
  }
  if (count < 0 && (errno == EINTR || errno == EAGAIN))
    return;
  close(fd);
  fd = -1;
}

void reap(Child& child)
{
  int status = 0;
  while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    child.output.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    child.output.exit_code = -1;
    child.output.signal = WTERMSIG(status);
  }
}

class Progress {
public:
  Progress(const std::string& label, std::size_t total)
      : label_(label), total_(total), shown_(!label.empty() && isatty(STDERR_FILENO) == 1)
  {
  }
  ~Progress()
  {
    if (shown_ && done_ > 0)
      std::cerr << '\n';
  }
  void advance()
  {
    ++done_;
    if (shown_)
      std::cerr << '\r' << label_ << ": " << done_ << '/' << total_ << " runs" << std::flush;
  }

private:
  std::string label_;
  std::size_t total_;
  bool shown_;
  std::size_t done_ = 0;
};

// Owns the running children; its destructor stops and reaps any that are left, for example after an exception.
class RunningChildren {
public:
  ~RunningChildren()
  {
    for (auto& child : children_) {
      kill(child.pid, SIGTERM);
      for (int* fd : {&child.out_fd, &child.err_fd})
        if (*fd >= 0)
          close(*fd);
      reap(child);
    }
  }

  std::vector<Child>& list() { return children_; }

private:
  std::vector<Child> children_;
};

// Waits until some child's pipe has data or closes, then reads it. Returns the finished children.
std::vector<Child> collect_finished(std::vector<Child>& running)
{
  std::vector<pollfd> fds;
  for (const auto& child : running)
    for (int fd : {child.out_fd, child.err_fd})
      if (fd >= 0)
        fds.push_back(pollfd{fd, POLLIN, 0});
  if (!fds.empty() && poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR)
    throw std::runtime_error(system_error("cannot wait for replications", errno));

  std::vector<Child> finished;
  for (auto it = running.begin(); it != running.end();) {
    for (const auto& ready : fds) {
      if (ready.revents == 0)
        continue;
      if (ready.fd == it->out_fd)
        drain(it->out_fd, it->output.out);
      else if (ready.fd == it->err_fd)
        drain(it->err_fd, it->output.err);
    }
    if (it->out_fd < 0 && it->err_fd < 0) {
      reap(*it);
      finished.push_back(std::move(*it));
      it = running.erase(it);
    } else {
      ++it;
    }
  }
  return finished;
}

} // namespace

void run_children(const std::vector<std::vector<std::string>>& argument_lists, const PoolOptions& options,
                  const std::function<void(std::size_t, ChildOutput&&)>& on_output)
{
  const std::string program = own_executable();
  const std::size_t jobs = static_cast<std::size_t>(std::max(options.jobs, 1));
  Progress progress(options.progress_label, argument_lists.size());
  RunningChildren running;
  std::map<std::size_t, ChildOutput> waiting; // finished out of order, kept until their turn
  std::size_t next_to_start = 0;
  std::size_t next_to_deliver = 0;

  while (next_to_deliver < argument_lists.size()) {
    while (running.list().size() < jobs && next_to_start < argument_lists.size()) {
      running.list().push_back(spawn_child(program, argument_lists[next_to_start], next_to_start));
      ++next_to_start;
    }
    for (auto& child : collect_finished(running.list())) {
      progress.advance();
      waiting.emplace(child.index, std::move(child.output));
    }
    for (auto it = waiting.find(next_to_deliver); it != waiting.end(); it = waiting.find(next_to_deliver)) {
      ChildOutput output = std::move(it->second);
      waiting.erase(it);
      on_output(next_to_deliver++, std::move(output));
    }
  }
}

} // namespace stormsim
