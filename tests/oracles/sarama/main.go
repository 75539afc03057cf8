// Asks a real Sarama release what sarama.NewConfig() and Config.Validate() make of a configuration.
//
// Usage: oracle CELLS OUT RELEASE
//
//	CELLS: one cell a line, "role<TAB>id<TAB>Field.Path=value<TAB>..." (role: producer or consumer)
//	OUT:   one result a line, "release<TAB>role<TAB>id<TAB>outcome<TAB>error<TAB>Field.Path=value<TAB>..."
//
// Fields are set and read by reflection on sarama.Config, so the same program builds against every
// release (a field a release does not have is "n/a"; a cell that sets one is "nofield"). Values are
// written the way Sarama's own constants and time.Duration print them (WaitForAll, OffsetOldest,
// ReadCommitted, 100ms). The import path is replaced by refresh.py for Shopify/sarama releases.
package main

import (
	"bufio"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/IBM/sarama"
)

var producerFields = []string{"Producer.RequiredAcks", "Producer.Idempotent", "Producer.Retry.Max",
	"Producer.Retry.Backoff", "Net.MaxOpenRequests", "Producer.Return.Errors", "Producer.Return.Successes",
	"Producer.Transaction.ID", "Producer.MaxMessageBytes", "Producer.Timeout"}
var consumerFields = []string{"Consumer.Offsets.AutoCommit.Enable", "Consumer.Offsets.AutoCommit.Interval",
	"Consumer.Offsets.Initial", "Consumer.IsolationLevel", "Consumer.Group.Session.Timeout",
	"Consumer.Group.Heartbeat.Interval", "Consumer.Fetch.Min", "Consumer.Fetch.Default", "Consumer.Fetch.Max",
	"Consumer.Return.Errors", "Net.MaxOpenRequests"}

var names = map[string]int64{
	"NoResponse": 0, "WaitForLocal": 1, "WaitForAll": -1,
	"OffsetNewest": -1, "OffsetOldest": -2,
	"ReadUncommitted": 0, "ReadCommitted": 1,
}

// lookup finds a field by its dotted path, or returns false when this release has no such field.
func lookup(c *sarama.Config, path string) (reflect.Value, bool) {
	v := reflect.ValueOf(c).Elem()
	for _, part := range strings.Split(path, ".") {
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		v = v.FieldByName(part)
		if !v.IsValid() {
			return reflect.Value{}, false
		}
	}
	return v, true
}

func set(c *sarama.Config, path, text string) error {
	if path == "Version" {
		// V2_8_0_0 (the constant's name) is "2.8.0" for ParseKafkaVersion; 0.x versions keep four parts.
		parts := strings.Split(strings.TrimPrefix(text, "V"), "_")
		if len(parts) == 4 && parts[0] != "0" {
			parts = parts[:3]
		}
		version, err := sarama.ParseKafkaVersion(strings.Join(parts, "."))
		if err != nil {
			return err
		}
		c.Version = version
		return nil
	}
	f, ok := lookup(c, path)
	if !ok {
		return fmt.Errorf("nofield")
	}
	switch {
	case f.Type() == reflect.TypeOf(time.Duration(0)):
		d, err := time.ParseDuration(text)
		if err != nil {
			return err
		}
		f.SetInt(int64(d))
	case f.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return err
		}
		f.SetBool(b)
	case f.Kind() >= reflect.Int && f.Kind() <= reflect.Int64:
		if n, ok := names[text]; ok {
			f.SetInt(n)
			return nil
		}
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return err
		}
		f.SetInt(n)
	case f.Kind() == reflect.String:
		f.SetString(text)
	default:
		return fmt.Errorf("cannot set %s of kind %s", path, f.Kind())
	}
	return nil
}

func show(c *sarama.Config, path string) string {
	f, ok := lookup(c, path)
	if !ok {
		return "n/a"
	}
	if f.Type() == reflect.TypeOf(time.Duration(0)) {
		return time.Duration(f.Int()).String()
	}
	switch path {
	case "Producer.RequiredAcks":
		switch f.Int() {
		case 0:
			return "NoResponse"
		case 1:
			return "WaitForLocal"
		case -1:
			return "WaitForAll"
		}
	case "Consumer.Offsets.Initial":
		switch f.Int() {
		case -1:
			return "OffsetNewest"
		case -2:
			return "OffsetOldest"
		}
	case "Consumer.IsolationLevel":
		switch f.Int() {
		case 0:
			return "ReadUncommitted"
		case 1:
			return "ReadCommitted"
		}
	}
	return fmt.Sprint(f.Interface())
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

func main() {
	in, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	defer in.Close()
	out, err := os.Create(os.Args[2])
	if err != nil {
		panic(err)
	}
	defer out.Close()
	release := os.Args[3]
	w := bufio.NewWriter(out)
	defer w.Flush()
	scanner := bufio.NewScanner(in)
	for scanner.Scan() {
		parts := strings.Split(scanner.Text(), "\t")
		if len(parts) < 2 {
			continue
		}
		role, id := parts[0], parts[1]
		fields := producerFields
		if role == "consumer" {
			fields = consumerFields
		}
		c := sarama.NewConfig()
		outcome, message := "ok", ""
		for _, kv := range parts[2:] {
			eq := strings.IndexByte(kv, '=')
			if err := set(c, kv[:eq], kv[eq+1:]); err != nil {
				if err.Error() == "nofield" {
					outcome, message = "nofield", "this release has no field "+kv[:eq]
				} else {
					outcome, message = "badvalue", kv+": "+err.Error()
				}
				break
			}
		}
		if outcome == "ok" {
			if err := c.Validate(); err != nil {
				outcome, message = "refused", "Validate: "+err.Error()
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s", release, role, id, outcome, clean(message))
		for _, f := range fields {
			fmt.Fprintf(w, "\t%s=%s", f, clean(show(c, f)))
		}
		fmt.Fprintf(w, "\tVersion=%s\n", c.Version.String())
	}
	if err := scanner.Err(); err != nil {
		panic(err)
	}
}
