#!/usr/bin/perl
# pushgate pre-receive client: hands the push to a running `pushgate hook daemon`
# over its Unix socket, so a push does not pay Node's start-up (about 110 ms on
# a small server) and the scanner stays warm. Perl because it starts in about
# 15 ms and is on every git server (git's own tools need it).
#
#   perl pushgate-hook-client.pl SOCKET NODE PUSHGATE_BIN < ref-updates
#
# Decision rules (the daemon's protocol is in hooks/scan-daemon.ts):
# - No usable daemon (no socket, not ours, nothing listening): run the scan in
#   this process instead (exec node ... hook pre-receive), which decides alone.
# - Once the daemon has the push, anything that goes wrong (no answer within
#   the time budget, a broken answer, a dropped connection) rejects the push:
#   the scan could not finish, so we fail closed.
use strict;
use warnings;

my ($socket_path, $node, $bin) = @ARGV;
die "usage: pushgate-hook-client.pl SOCKET NODE PUSHGATE_BIN\n" unless defined $bin;

sub in_process {
  no warnings 'exec';
  exec { $node } $node, $bin, 'hook', 'pre-receive';
  print STDERR "pushgate: cannot start $node ($!).\npushgate: push rejected: the secret scan could not run.\n";
  exit 1;
}

sub reject {
  my ($why) = @_;
  print STDERR "pushgate: push rejected: $why, so it is not known whether this push carries a secret.\n"
    . "pushgate: nothing was stored. Try the push again; if it keeps failing, tell your administrator.\n";
  exit 1;
}

# Only a socket this user owns, in a directory no one else can write to: anyone
# who could put a listener there could approve pushes.
sub trusted_socket {
  my @s = lstat $socket_path;
  return 0 unless @s && -S _ && $s[4] == $> && ($s[2] & 022) == 0;
  (my $dir = $socket_path) =~ s{/[^/]*$}{};
  $dir = '/' if $dir eq '';
  my @d = stat $dir;
  return @d && ($d[4] == $> || $d[4] == 0) && ($d[2] & 022) == 0;
}

in_process() unless trusted_socket();

# PF_UNIX and SOCK_STREAM are 1 on Linux (but MIPS); the Socket module costs
# about as much start-up as the rest of this script, so it loads only elsewhere.
my ($pf_unix, $sock_stream, $addr);
if ($^O eq 'linux' && (eval { require Config; no warnings 'once'; $Config::Config{archname} } // '') !~ /mips/) {
  ($pf_unix, $sock_stream) = (1, 1);
  $addr = pack('S Z108', 1, $socket_path);
} else {
  require Socket;
  ($pf_unix, $sock_stream) = (Socket::PF_UNIX(), Socket::SOCK_STREAM());
  $addr = Socket::pack_sockaddr_un($socket_path);
}
socket(my $sock, $pf_unix, $sock_stream, 0) or in_process();
connect($sock, $addr) or in_process();

# From here on the daemon has the push.
my $budget_ms = ($ENV{PUSHGATE_HOOK_TIMEOUT_MS} // '') =~ /^\d+$/ && $ENV{PUSHGATE_HOOK_TIMEOUT_MS} > 0 ? $ENV{PUSHGATE_HOOK_TIMEOUT_MS} : 4000;
$budget_ms = 600000 if $budget_ms > 600000;
$SIG{ALRM} = sub { reject('the scanner did not answer within the time budget') };
$SIG{PIPE} = 'IGNORE';
alarm(int($budget_ms / 1000) + 2);

my $stdin = do { local $/; <STDIN> } // '';
my $cwd = readlink('/proc/self/cwd');
if (!defined $cwd) { require Cwd; $cwd = Cwd::getcwd(); }
# NUL-separated fields: none of them can hold a NUL (paths, git's ref lines, environment entries).
my $request = join("\0", 'pushgate-hook/1', $cwd, $stdin, map { "$_=$ENV{$_}" } sort keys %ENV) . "\0";
my $off = 0;
while ($off < length $request) {
  my $n = syswrite($sock, $request, length($request) - $off, $off);
  reject('the connection to the scanner broke') unless defined $n;
  $off += $n;
}
shutdown($sock, 1);

my $answer = '';
while (1) {
  my $n = sysread($sock, $answer, 65536, length $answer);
  reject('the connection to the scanner broke') unless defined $n;
  last if $n == 0;
}
alarm(0);
# The answer: the exit status on the first line, then what the developer sees.
reject('the scanner gave no decision') unless $answer =~ /\A([01])\n/;
my $status = $1;
print STDERR substr($answer, 2);
exit $status;
