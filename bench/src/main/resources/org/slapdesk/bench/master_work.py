"""One master workload through the real slapos.slap library, timed phase by phase.

usage: master_work.py MASTER_URL COMPUTER PARTITIONS REQUESTS READS
Phases: format (loadComputerConfigurationFromXML with PARTITIONS partitions), supply one release,
REQUESTS instance requests (each placed on COMPUTER), READS getFullComputerInformation.
prints one JSON document: {phase: seconds, ..., "placed": n}
"""
import json
import sys
import time

from slapos.slap import slap as Slap
from slapos.util import dumps

RELEASE = 'https://lab.example.org/bench/software.cfg'


def main():
    url, computer_id = sys.argv[1], sys.argv[2]
    partitions, requests, reads = (int(x) for x in sys.argv[3:6])
    s = Slap()
    s.initializeConnection(url)
    timings = {}

    start = time.perf_counter()
    partition_list = [{
        'reference': 'slappart%d' % i,
        'address_list': [{'addr': '10.0.%d.%d' % (i // 250, i % 250 + 2), 'netmask': '255.255.255.255'},
                         {'addr': 'fd00:be::%x' % (i + 2), 'netmask': 'ffff:ffff:ffff:ffff::'}],
        'tap': {'name': 'slaptap%d' % i},
        'path': '/srv/slapgrid/slappart%d' % i,
        'user': {'name': 'slapuser%d' % i},
    } for i in range(partitions)]
    s.registerComputer(computer_id).updateConfiguration(dumps(
        {'reference': computer_id, 'address': '10.0.0.1', 'netmask': '255.255.0.0',
         'partition_list': partition_list}))
    timings['format'] = time.perf_counter() - start

    start = time.perf_counter()
    s.registerSupply().supply(RELEASE, computer_guid=computer_id)
    timings['supply'] = time.perf_counter() - start

    order = s.registerOpenOrder()
    start = time.perf_counter()
    for i in range(requests):
        order.request(RELEASE, '%s-%d' % (computer_id, i),
                      partition_parameter_kw={'index': str(i), 'text': 'x' * 64},
                      software_type='default', filter_kw={'computer_guid': computer_id})
    timings['request'] = time.perf_counter() - start

    start = time.perf_counter()
    placed = 0
    for _ in range(reads):
        # a Computer fetches its information once and then answers from that copy: a fresh one
        # per read makes each read a real getFullComputerInformation call
        computer = s.registerComputer(computer_id)
        placed = sum(1 for p in computer.getComputerPartitionList()
                     if getattr(p, '_software_release_document', None) is not None)
    timings['read'] = time.perf_counter() - start
    timings['placed'] = placed
    print(json.dumps(timings))


if __name__ == '__main__':
    main()
