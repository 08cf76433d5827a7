# Fills a fresh local master with a small fleet and breaks part of it, through the real slapos.slap
# library (as slapos node format / software / instance do), for the Dashboard and wall pictures:
#   XDG_DATA_HOME=/tmp/demo ./slapdesk serve --port 47199 --db /tmp/demo/slapdesk/local-master.sqlite &
#   "$(testlab/bin/slapos-venv)/bin/python" docs/demo-broken.py http://127.0.0.1:47199/
#   (stop the serve, then)  XDG_DATA_HOME=/tmp/demo ./slapdesk --snapshot docs/window-dashboard.png --view dashboard
import sys
from slapos.slap import slap
from slapos.util import dumps

url = sys.argv[1]
s = slap()
s.initializeConnection(url)
KVM = 'https://lab.example/software/kvm/software.cfg'
SHOP = 'https://lab.example/software/shop/software.cfg'
for i, (ref, count) in enumerate([('COMP-1', 3), ('COMP-2', 3), ('COMP-3', 2)]):
    partitions = [{'reference': 'slappart%d' % p,
                   'address_list': [{'addr': '10.%d.0.%d' % (i + 1, p + 2), 'netmask': '255.255.255.0'}],
                   'tap': {'name': 'slaptap%d' % p}} for p in range(count)]
    s.registerComputer(ref).updateConfiguration(dumps(
        {'reference': ref, 'address': '10.%d.0.1' % (i + 1), 'netmask': '255.255.255.0',
         'partition_list': partitions}))
supply = s.registerSupply()
supply.supply(KVM, computer_guid='COMP-1')
supply.supply(SHOP, computer_guid='COMP-1')
supply.supply(SHOP, computer_guid='COMP-2')
order = s.registerOpenOrder()
for title, sr, node in [('shop', SHOP, 'COMP-1'), ('shop-db', SHOP, 'COMP-2'), ('vm-builder', KVM, 'COMP-1')]:
    try:
        order.request(sr, title, filter_kw={'computer_guid': node})
    except Exception as e:
        print('request', title, type(e).__name__)
for node in ('COMP-1', 'COMP-2'):
    computer = s.registerComputer(node)
    for sr in computer.getSoftwareReleaseList():
        if sr.getURI() == KVM:
            sr.error('buildout failed: cannot download qemu-8.2.tar.xz (HTTP 404)')
        else:
            sr.available()
    for partition in computer.getComputerPartitionList():
        try:
            title = partition.getInstanceParameterDict().get('instance_title')
        except Exception:
            title = None
        if not title:
            continue
        if title == 'shop-db':
            partition.error('postgresql did not start: no space left on device')
        else:
            partition.started()
print('done')
