provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      ManagedBy = "Terraform"
    }
  }
}

locals {
  feeds = {
    inventory = {
      sync_schedule = "cron(15 8 * * ? *)"
      excludes      = [{ filter_type = "SIMPLE_PATTERN", value = "/master-000000000000.csv" }]
    }
    catalog = {
      sync_schedule = "cron(0 2 ? * MON *)"
      excludes      = []
    }
    roster = {
      sync_schedule = "cron(45 4 * * ? *)"
      excludes      = []
    }
  }
  titles = { for k in keys(local.feeds) : k => title(k) }
  names  = toset(keys(local.feeds))
}

resource "aws_datasync_location_object_storage" "cloud" {
  for_each = local.names

  agent_arns = [aws_datasync_agent.vm.arn]
  bucket_name     = "example-bucket"
  server_hostname = "objects.example.com"
}

resource "aws_datasync_location_s3" "warehouse" {
  for_each = local.names

  s3_bucket_arn    = data.aws_s3_bucket.warehouse.arn
  agent_arns       = []
  s3_storage_class = "STANDARD"
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_task" "feed" {
  for_each = local.names

  name                     = "Locally ${local.titles[each.value]} Data Sync"
  source_location_arn      = aws_datasync_location_object_storage.cloud[each.value].arn
  destination_location_arn = aws_datasync_location_s3.warehouse[each.value].arn
  cloudwatch_log_group_arn = data.aws_cloudwatch_log_group.sync.arn

  dynamic "excludes" {
    for_each = toset(local.feeds[each.value].excludes)
    content {
      filter_type = excludes.value["filter_type"]
      value       = excludes.value["value"]
    }
  }

  schedule {
    schedule_expression = local.feeds[each.value].sync_schedule
  }

  options {
    atime                          = "BEST_EFFORT"
    bytes_per_second               = -1
    gid                            = "NONE"
    log_level                      = "BASIC"
    mtime                          = "PRESERVE"
    overwrite_mode                 = "ALWAYS"
    posix_permissions              = "NONE"
    preserve_deleted_files         = "PRESERVE"
    preserve_devices               = "NONE"
    security_descriptor_copy_flags = "NONE"
    task_queueing                  = "ENABLED"
    transfer_mode                  = "CHANGED"
    uid                            = "NONE"
    verify_mode                    = "ONLY_FILES_TRANSFERRED"
  }

  tags = {
    Name = "Locally ${local.titles[each.value]} DataSync"
  }
}
