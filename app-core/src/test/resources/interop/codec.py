# Interop helper for XmlMarshalPythonTest: the real slapos.util dumps/loads on one side,
# a typed JSON description of every value on the other ("desc"), so Java can compare values.
#   codec.py corpus  -> prints one JSON line per corpus value: {name, xml (base64), desc}
#   codec.py check   -> reads such lines on stdin, loads each xml with slapos.util.loads,
#                       prints {name, problems, redump (base64 of dumps(loads(xml)))}
#   codec.py instance-dump -> reads {name, desc} lines, prints {name, xml} with dict2xml of the
#                       described dict, or {name, error} with the exception dict2xml raised
import base64, importlib, json, sys
from slapos.util import dumps, loads

slap = importlib.import_module('slapos.slap.slap')


def describe(v, memo):
    if v is None:
        return {"t": "none"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": repr(v)}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, tuple):
        return {"t": "tuple", "v": [describe(x, memo) for x in v]}
    if id(v) in memo:
        return {"t": "ref", "id": memo[id(v)][0]}
    memo[id(v)] = (len(memo) + 1, v)  # keep v alive so its id is not reused
    n = memo[id(v)][0]
    if isinstance(v, list):
        return {"t": "list", "id": n, "v": [describe(x, memo) for x in v]}
    if isinstance(v, set):
        return {"t": "set", "id": n, "v": [describe(x, memo) for x in v]}
    if isinstance(v, dict):
        return {"t": "dict", "id": n, "v": [[describe(k, memo), describe(x, memo)] for k, x in v.items()]}
    if type(v).__module__ == 'slapos.slap.slap':
        return {"t": "obj", "id": n, "class": type(v).__name__,
                "args": describe(tuple(v.__getinitargs__()) if hasattr(v, "__getinitargs__") else (), memo), "state": describe(v.__dict__, memo)}
    raise TypeError(type(v))


def build(d, memo):
    """The Python value a description stands for (the inverse of describe)."""
    t = d["t"]
    if t == "none":
        return None
    if t in ("bool", "str"):
        return d["v"]
    if t == "int":
        return int(d["v"])
    if t == "float":
        return float(d["v"])
    if t == "tuple":
        return tuple(build(x, memo) for x in d["v"])
    if t == "ref":
        return memo[d["id"]]
    if t == "list":
        memo[d["id"]] = v = []
        v.extend(build(x, memo) for x in d["v"])
        return v
    if t == "dict":
        memo[d["id"]] = v = {}
        for k, x in d["v"]:
            v[build(k, memo)] = build(x, memo)
        return v
    raise TypeError(t)


def normal(d):
    """A description with dict items and set elements in a canonical order."""
    t = d["t"]
    if t in ("list", "tuple"):
        return dict(d, v=[normal(x) for x in d["v"]])
    if t == "set":
        return dict(d, v=sorted((normal(x) for x in d["v"]), key=lambda x: json.dumps(x, sort_keys=True)))
    if t == "dict":
        return dict(d, v=sorted(([normal(k), normal(x)] for k, x in d["v"]),
                                key=lambda kv: json.dumps(kv[0], sort_keys=True)))
    if t == "obj":
        return dict(d, args=normal(d["args"]), state=normal(d["state"]))
    return d


def has_set(d):
    return json.dumps(d).find('"t": "set"') >= 0


def corpus():
    shared_list = [1, "shared"]
    shared_dict = {"k": "v"}
    computer = slap.Computer('COMP-123')
    free = slap.ComputerPartition('COMP-123', 'slappart4')
    busy = slap.ComputerPartition('COMP-123', 'slappart0')
    release = slap.SoftwareRelease('https://example.org/software.cfg', 'COMP-123')
    busy._requested_state = 'started'
    busy._software_release_document = release
    busy._parameter_dict = {'_': '{\n  "foo": "bar & <baz>"\n}', 'timestamp': '1700000000.5'}
    busy._connection_dict = {'url': 'https://[2001:db8::10]:8080/'}
    busy._need_modification = 1
    computer._computer_partition_list = [free, busy]
    computer._software_release_list = [release]
    instance = slap.SoftwareInstance(
        _connection_dict={'url': 'https://[2001:db8::10]:8080/'}, _filter_dict={},
        _instance_guid='SOFTINST-42', _parameter_dict={'_': '{"foo": "bar"}'}, _requested_state='started',
        full_ip_list=[], instance_title='my-service', ip_list=[('slaptap0', '10.0.0.2')],
        slave_instance_list=[], timestamp=1700000000000000)
    return [
        ("empty string", ""),
        ("ascii", "started"),
        ("markup", "a&b<c>\"d'e"),
        ("already escaped", "&amp; &lt; &gt; &quot; &#233;"),
        ("unicode", "héllo wörld € – 日本語 Ωμέγα"),
        ("astral", "😀 𝄞 𠀀"),
        ("whitespace", " \t\n\r  x \r\n"),
        ("none", None),
        ("true", True),
        ("false", False),
        ("zero", 0),
        ("negative", -42),
        ("max long", 2**63 - 1),
        ("min long", -2**63),
        ("just above long", 2**63),
        ("below 1e24", 10**24 - 1),
        ("negative below 1e24", -(10**24 - 1)),
        ("1e24", 10**24),
        ("-1e24", -10**24),
        ("huge", 3**200),
        ("float 0.1", 0.1),
        ("float 1e16", 1e16),
        ("float 1e-5", 1e-5),
        ("float 1e-4", 1e-4),
        ("float -0.0", -0.0),
        ("float 1.5", 1.5),
        ("float 123456789012345.6", 123456789012345.6),
        ("float 9999999999999998.0", 9999999999999998.0),
        ("float 5e-324", 5e-324),
        ("float max", 1.7976931348623157e308),
        ("float 2.82879384806159e17", 2.82879384806159e17),
        ("float 5.684341886080802e-14", 5.684341886080802e-14),
        ("float 1.9400994884341945e25", 1.9400994884341945e25),
        ("float inf", float('inf')),
        ("float -inf", float('-inf')),
        ("empty list", []),
        ("empty dict", {}),
        ("empty tuple", ()),
        ("empty set", set()),
        ("list", [1, "a", None, True, 2.5]),
        ("nested", {"a": [1, {"b": ("x", [], {})}], "c": {"d": {"e": [None]}}, "": ""}),
        ("tuple one", ("only",)),
        ("tuples in list", [("slaptap0", "10.0.0.2"), ("slappart0", "fd00::1")]),
        ("set of str", {"b", "a", "c"}),
        ("set of mixed", {1, "one", (1, 2), None}),
        ("repeated list", [shared_list, shared_list, {"again": shared_list}]),
        ("repeated dict", {"x": shared_dict, "y": shared_dict, "z": [shared_dict]}),
        ("mixed keys", {1: "a", "b": 2, (1, 2): 3, None: 4, (2,): 5, (10,): 6, 2.5: 7, -3: 8, "": 9}),
        ("numeric keys", {10: "ten", 9: "nine", 2.5: "float", -1: "neg", 10**30: "long"}),
        ("unicode keys", {"é": 1, "z": 2, "😀": 3, "Z": 4, "e\u0301": 5}),
        ("computer", slap.Computer('COMP-1')),
        ("partition", slap.ComputerPartition('COMP-1', 'slappart0')),
        ("partition from request", slap.ComputerPartition(request_dict={'software_release': 'https://x/s.cfg'})),
        ("release", slap.SoftwareRelease('https://example.org/software.cfg', 'COMP-1')),
        ("instance", instance),
        ("full computer", computer),
        ("instance list", [instance, instance]),
    ]


def instance_corpus():
    return [
        ("empty", {}),
        ("one", {"foo": "bar"}),
        ("sorted ids", {"zeta": "1", "alpha": "2", "Beta": "3", "_": "4", "é": "5", "10": "6", "9": "7"}),
        ("markup", {"x": "a&b<c>\"d'e ]]>", "k\"&<>\n\t\r'": "id with markup"}),
        ("whitespace", {"ws": " lead\n\ttab\r\ncrlf  ", "blank": " "}),
        ("unicode", {"u": "héllo 日本語 😀 𝄞", "😀": "astral id"}),
        ("empty value", {"e": ""}),
        ("python str of values", {"none": None, "true": True, "false": False, "int": 42, "big": 10**30,
                                  "float": 0.1, "neg": -1.5e-7, "list": [1, "a", None, 2.5],
                                  "dict": {"a": 1, "b": ["x"]}, "tuple": ("t",), "quote": ["it's", 'say "hi"'],
                                  "ctrl": ["\x85\xa0\u2028\x7f"]}),
        ("ipv6 url", {"url": "https://[2001:db8::10]:8080/?a=1&b=2"}),
    ]


def json_corpus():
    return [
        ("empty", {}),
        ("flat", {"foo": "bar", "n": 1, "f": 0.1, "t": True, "none": None}),
        ("order kept", {"z": 1, "a": 2, "m": {"y": 1, "b": 2}}),
        ("nested", {"list": [1, [2, [3, []]], {}], "obj": {"deep": {"deeper": {"deepest": "x"}}}}),
        ("escapes", {"s": "quote \" backslash \\ slash / \b\f\n\r\t \x01 \x7f", "é": "ünïcödé € 😀"}),
        ("numbers", {"big": 10**30, "neg": -7, "float": 1e16, "small": 1e-5, "negzero": -0.0, "exp": 1.5e300}),
        ("frontend", {"url": "https://[2001:db8::10]:8080/", "domain": "example.com", "https-only": "true"}),
    ]


def main():
    mode = sys.argv[1]
    if mode == "instance-corpus":
        from slapos.util import dict2xml, xml2dict
        for name, d in instance_corpus():
            xml = dict2xml(d)
            print(json.dumps({"name": name, "desc": describe(d, {}), "xml": xml, "read": xml2dict(xml)}))
    elif mode == "instance-check":
        from slapos.util import dict2xml, xml2dict
        for line in sys.stdin:
            item = json.loads(line)
            read = xml2dict(item["xml"])
            print(json.dumps({"name": item["name"], "read": read, "rewritten": dict2xml(read)}))
    elif mode == "instance-dump":
        from slapos.util import dict2xml
        for line in sys.stdin:
            item = json.loads(line)
            try:
                answer = {"xml": dict2xml(build(item["desc"], {}))}
            except Exception as e:
                answer = {"error": "%s: %s" % (type(e).__name__, e)}
            print(json.dumps(dict(answer, name=item["name"])))
    elif mode == "json-corpus":
        import os, tempfile
        from slapos.util import dict2xml, SoftwareReleaseSerialisation
        from slapos.cli.request import getParametersFromFile
        for name, params in json_corpus():
            # the real client function that --parameters-file goes through
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(params, f)
            try:
                with open(f.name) as f2:
                    wrapped = getParametersFromFile(f2, SoftwareReleaseSerialisation.JsonInXml)
            finally:
                os.unlink(f.name)
            print(json.dumps({"name": name, "desc": describe(params, {}), "wrapped": wrapped,
                              "marshal": base64.b64encode(dumps(wrapped)).decode(),
                              "xml": dict2xml(wrapped)}))
    elif mode == "schema":
        from slapos.util import SoftwareReleaseSchema
        import warnings
        warnings.simplefilter("ignore")
        for line in sys.stdin:
            item = json.loads(line)
            s = SoftwareReleaseSchema(item["url"], item["type"])
            try:
                strict = s.getSerialisation(strict=True).value
            except Exception as e:
                strict = "error"
            print(json.dumps({"name": item["name"], "serialisation": s.getSerialisation().value, "strict": strict,
                              "request": s.getInstanceRequestParameterSchemaURL() if s.getSoftwareTypeSchema() else None}))
    elif mode == "format-dict":
        # the computer dict of slapos.format, from its own classes, as `node format` posts it
        import logging
        from slapos import format as f
        logger = logging.getLogger('interop')
        iface = f.Interface(logger, 'eth0', '10.0.0.0/16', ipv6_interface='lo', ipv6_prefixshift=16)
        c = f.Computer('COMP-4242', interface=iface, addr='2001:db8::1', netmask='ffff:ffff:ffff:ffff::/64',
                       ipv6_interface='lo', partition_has_ipv6_range=True, software_user='slapsoft',
                       tap_gateway_interface='', tap_ipv6=True, instance_root='/srv/slapgrid',
                       software_root='/opt/slapgrid', instance_storage_home='/data', config={})
        parts = []
        for i in range(2):
            u = f.User('slapuser%d' % i, ['slapsoft'])
            u.setPath('/srv/slapgrid/slappart%d' % i)
            tap = f.Tap('slaptap%d' % i)
            tap.ipv4_addr = '10.0.%d.2' % (i + 1)
            tap.ipv4_netmask = '255.255.255.0'
            tap.ipv4_gateway = '10.0.%d.1' % (i + 1)
            tap.ipv4_network = '10.0.%d.0/24' % (i + 1)
            tap.ipv6_addr = '2001:db8:0:0:%d::1' % (i + 2)
            tap.ipv6_netmask = 'ffff:ffff:ffff:ffff:ffff::'
            tap.ipv6_gateway = '2001:db8:0:0:%d::' % (i + 2)
            tap.ipv6_network = '2001:db8:0:0:%d::/80' % (i + 2)
            tun = f.Tun('slaptun%d' % i, i, 2) if i == 1 else None
            p = f.Partition('slappart%d' % i, '/srv/slapgrid/slappart%d' % i, u,
                [{'addr': '10.0.117.%d' % (40 + i), 'netmask': '255.255.255.255'},
                 {'addr': '2001:db8::%x' % (i + 2), 'netmask': 'ffff:ffff:ffff:ffff::'}],
                {'addr': '2001:db8:0:0:%d::' % (i + 2), 'netmask': 'ffff:ffff:ffff:ffff:ffff::',
                 'network': '2001:db8:0:0:%d::/80' % (i + 2), 'prefixlen': 80},
                tap, tun)
            if i == 0:
                p.capability_list = ['kvm', 'gpu']
            p.external_storage_list = ['/data/data1/slappart%d' % i] if i == 0 else []
            parts.append(p)
        c.partition_list = parts
        c.public_ipv4_address = '192.0.2.10'
        c.os_type = json.dumps(('Linux-6.1.0-x86_64-with-glibc2.36', 'debian', '12', 'Debian GNU/Linux'))
        c.python_version = '3.11.2'
        c.slapos_version = '1.24.0'
        print(base64.b64encode(dumps(f._getDict(c))).decode())
    elif mode == "corpus":
        for name, value in corpus():
            xml = dumps(value)
            assert loads(xml) is not None or value is None
            print(json.dumps({"name": name, "xml": base64.b64encode(xml).decode(),
                              "desc": describe(value, {})}))
    elif mode == "check":
        for line in sys.stdin:
            item = json.loads(line)
            xml = base64.b64decode(item["xml"])
            problems = []
            redump = b""
            try:
                value = loads(xml)
                got = describe(value, {})
                if normal(got) != normal(item["desc"]):
                    problems.append("loaded value differs: " + json.dumps(got))
                redump = dumps(value)
                if not has_set(item["desc"]) and redump != xml:
                    problems.append("dumps(loads(xml)) differs: " + redump.decode())
            except Exception as e:
                problems.append("%s: %s" % (type(e).__name__, e))
            print(json.dumps({"name": item["name"], "problems": problems,
                              "redump": base64.b64encode(redump).decode()}))
    else:
        raise SystemExit("unknown mode " + mode)


main()
