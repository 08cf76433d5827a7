"""The node side of SLAP, driven through the real slapos.slap library (not a mock).

usage: slap_node.py MASTER_URL COMMAND ARGS...   prints one JSON document on stdout.
"""
import json
import os
import sys

from slapos.slap import slap as Slap
from slapos.slap import ResourceNotReady, NotFoundError
from slapos.util import dumps


def partition_dict(p):
    d = {'id': p.getId(), 'requested_state': p.getState()}
    params = getattr(p, '_parameter_dict', None) or {}
    if getattr(p, '_software_release_document', None) is not None:
        d['software'] = p.getSoftwareRelease().getURI()
        d['title'] = params.get('instance_title')
        d['root_title'] = params.get('root_instance_title')
        d['type'] = params.get('slap_software_type')
        d['ip_list'] = [list(x) for x in params.get('ip_list', [])]
        d['slave_instance_list'] = params.get('slave_instance_list', [])
        d['timestamp'] = params.get('timestamp')
        d['parameters'] = {k: v for k, v in params.items() if k not in (
            'ip_list', 'full_ip_list', 'slave_instance_list', 'timestamp', 'instance_title',
            'root_instance_title', 'root_instance_short_title', 'slap_computer_id',
            'slap_computer_partition_id', 'slap_software_release_url', 'slap_software_type')}
        d['connection'] = p.getConnectionParameterDict()
        d['access_status'] = p.getAccessStatus()
        d['instance_guid'] = p.getInstanceGuid()
    return d


def main():
    url, command, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    s = Slap()
    s.initializeConnection(url, key_file=os.environ.get('SLAP_KEY_FILE'),
                           cert_file=os.environ.get('SLAP_CERT_FILE'))
    out = None
    if command == 'format':
        computer, count = args[0], int(args[1])
        partitions = []
        for i in range(count):
            partitions.append({
                'reference': 'slappart%d' % i,
                'address_list': [{'addr': '10.0.0.%d' % (i + 2), 'netmask': '255.255.255.255'},
                                 {'addr': 'fd00:5a::%x' % (i + 2), 'netmask': 'ffff:ffff:ffff:ffff::'}],
                'tap': {'name': 'slaptap%d' % i},
                'path': '/srv/slapgrid/slappart%d' % i,
                'user': {'name': 'slapuser%d' % i},
            })
        computer_dict = {'reference': computer, 'address': '10.0.0.1', 'netmask': '255.255.255.0',
                         'partition_list': partitions}
        out = s.registerComputer(computer).updateConfiguration(dumps(computer_dict))
        out = out.decode() if isinstance(out, bytes) else out
    elif command == 'info':
        computer = s.registerComputer(args[0])
        out = {
            'software': [[sr.getURI(), sr.getState()] for sr in computer.getSoftwareReleaseList()],
            'partitions': [partition_dict(p) for p in computer.getComputerPartitionList()],
        }
    elif command == 'sw':
        computer, release_url, report = args[0], args[1], args[2]
        sr = [x for x in s.registerComputer(computer).getSoftwareReleaseList() if x.getURI() == release_url][0]
        if report == 'building':
            sr.building()
        elif report == 'available':
            sr.available()
        elif report == 'error':
            sr.error('boom: buildout failed')
        elif report == 'destroyed':
            sr.destroyed()
        out = 'ok'
    elif command == 'status':
        out = s.registerComputer(args[0]).getStatus()
    elif command == 'register':
        out = partition_dict(s.registerComputerPartition(args[0], args[1]))
    elif command == 'inst':
        computer, part, report = args[0], args[1], args[2]
        p = s.registerComputerPartition(computer, part)
        if report == 'started':
            p.started()
        elif report == 'stopped':
            p.stopped()
        elif report == 'destroyed':
            p.destroyed()
        elif report == 'error':
            p.error(args[3])
        elif report == 'bang':
            p.bang(args[3])
        elif report == 'rename':
            p.rename(args[3])
        elif report == 'connection':
            p.setConnectionDict(json.loads(args[3]), slave_reference=args[4] if len(args) > 4 else None)
        elif report == 'certificate':
            out = p.getCertificate()
        elif report == 'request':
            title, release, shared = args[3], args[4], args[5] == 'shared'
            try:
                child = p.request(release, 'default', title, shared=shared,
                                  partition_parameter_kw={'from': part})
                out = {'partition': child.getId(), 'state': child.getState(),
                       'guid': child.getInstanceGuid() if not shared else None}
            except ResourceNotReady:
                out = {'not_ready': True}
        if out is None:
            out = 'ok'
    else:
        raise SystemExit('unknown command ' + command)
    print(json.dumps(out, sort_keys=True, default=str))


if __name__ == '__main__':
    try:
        main()
    except NotFoundError as e:
        print(json.dumps({'not_found': str(e)}))
        sys.exit(3)
